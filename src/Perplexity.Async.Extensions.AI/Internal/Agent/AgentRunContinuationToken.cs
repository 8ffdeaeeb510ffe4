using System;
using System.IO;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Perplexity.Async.Internal.Agent;

/// <summary>
/// The continuation token of a background response on the Agent route: the run id and, for a stream, the sequence
/// number of the last event delivered. Its bytes are a small JSON object, so a token saved with
/// <see cref="ResponseContinuationToken.ToBytes"/> (or serialized with Microsoft.Extensions.AI's JSON options) and
/// restored with <see cref="ResponseContinuationToken.FromBytes"/> still names its run, and a foreign token is recognised.
/// </summary>
internal sealed class AgentRunContinuationToken : ResponseContinuationToken
{
    private const string RunProperty = "perplexity_agent_run";
    private const string SequenceProperty = "sequence_number";
    private const string TextLengthProperty = "text_length";

    public AgentRunContinuationToken(string runId, long? sequenceNumber, long textLength = 0)
    {
        RunId = runId;
        SequenceNumber = sequenceNumber;
        TextLength = textLength;
    }

    /// <summary>The run's id (<c>resp_…</c>).</summary>
    public string RunId { get; }

    /// <summary>The sequence number of the last stream event delivered; null when no event was (a polled response).</summary>
    public long? SequenceNumber { get; }

    /// <summary>
    /// How many characters of the answer were delivered up to that event, so a resumed stream that ends on a final
    /// snapshot (the replay window was over) delivers the rest of the text, and nothing twice.
    /// </summary>
    public long TextLength { get; }

    /// <summary>Reads a token of this route, also one rebuilt from bytes.</summary>
    /// <exception cref="ArgumentException">The token is not one of the Agent route's.</exception>
    public static AgentRunContinuationToken From(ResponseContinuationToken token, string parameterName)
    {
        if (token is AgentRunContinuationToken own)
        {
            return own;
        }

        string? runId = null;
        long? sequence = null;
        long textLength = 0;
        try
        {
            using var document = JsonDocument.Parse(token.ToBytes());
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(RunProperty, out var run) && run.ValueKind == JsonValueKind.String)
            {
                runId = run.GetString();
                if (root.TryGetProperty(SequenceProperty, out var number) && number.ValueKind == JsonValueKind.Number)
                {
                    sequence = number.GetInt64();
                }

                if (root.TryGetProperty(TextLengthProperty, out var length) && length.ValueKind == JsonValueKind.Number)
                {
                    textLength = length.GetInt64();
                }
            }
        }
        catch (JsonException)
        {
            runId = null;
        }
        catch (FormatException)
        {
            runId = null;
        }

        if (string.IsNullOrWhiteSpace(runId))
        {
            throw new ArgumentException(
                "ChatOptions.ContinuationToken is not the token of a Perplexity Agent run; pass the ContinuationToken of a response or update of this chat client (on the Agent route).",
                parameterName);
        }

        return new AgentRunContinuationToken(runId!, sequence, textLength);
    }

    /// <inheritdoc/>
    public override ReadOnlyMemory<byte> ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString(RunProperty, RunId);
            if (SequenceNumber is { } sequence)
            {
                writer.WriteNumber(SequenceProperty, sequence);
            }

            if (TextLength > 0)
            {
                writer.WriteNumber(TextLengthProperty, TextLength);
            }

            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
