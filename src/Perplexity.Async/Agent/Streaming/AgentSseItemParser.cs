using System;
using System.Text;
using System.Text.Json;
using Perplexity.Async.Serialization;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>
/// Turns one server-sent event (as <c>System.Net.ServerSentEvents</c> framed it: <c>event:</c>, <c>id:</c>, comments and
/// keep-alives already handled) into a typed event: the JSON of its data through the source-generated context. A bare
/// <c>event: error</c> is read as an <see cref="AgentErrorEvent"/> whatever its data says; an empty data or a
/// <c>[DONE]</c> sentinel (which the Agent API does not send, but OpenAI-style proxies do) yields nothing.
/// </summary>
internal sealed class AgentSseItemParser
{
    private static readonly byte[] Done = Encoding.ASCII.GetBytes("[DONE]");

    private readonly long _maxEventBytes;
    private readonly Errors.Redactor _redactor;

    public AgentSseItemParser(long maxEventBytes, Errors.Redactor redactor)
    {
        _maxEventBytes = maxEventBytes;
        _redactor = redactor;
    }

    /// <summary>The event, or null for one to skip.</summary>
    /// <exception cref="PerplexityProtocolException">The event is larger than the cap, or not the documented JSON.</exception>
    public AgentStreamEvent? Parse(string eventType, ReadOnlySpan<byte> data)
    {
        if (data.Length > _maxEventBytes)
        {
            throw new PerplexityProtocolException(
                $"An event of the stream is {data.Length} bytes, more than {_maxEventBytes} (PerplexityAsyncClientOptions.MaxResponseContentBytes).");
        }

        if (data.IsEmpty || data.SequenceEqual(Done))
        {
            return null;
        }

        try
        {
            return string.Equals(eventType, AgentErrorEvent.WireType, StringComparison.Ordinal)
                ? ParseError(data)
                : AgentStreamEventReader.Read(data);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or OverflowException or InvalidOperationException or ArgumentException)
        {
            throw new PerplexityProtocolException($"An event of the stream is not the documented JSON: {_redactor.Redact(ex.Message)}", innerException: _redactor.Sanitize(ex));
        }
    }

    private static AgentErrorEvent ParseError(ReadOnlySpan<byte> data)
    {
        try
        {
            return JsonSerializer.Deserialize(data, PerplexityJsonContext.Default.AgentErrorEvent) ?? new AgentErrorEvent();
        }
        catch (JsonException)
        {
            // An error event whose data is plain text: the text is the message.
            return new AgentErrorEvent { Message = Encoding.UTF8.GetString(data.ToArray()) };
        }
    }
}
