using System;
using System.Text.Json;

namespace Perplexity.Async.Serialization.Agent;

/// <summary>
/// The streaming transport's entry point: one event from the UTF-8 JSON of one <c>data:</c> line, without going through
/// a string. Source-generated metadata only, so it is trimming- and NativeAOT-safe.
/// </summary>
internal static class AgentStreamEventReader
{
    /// <summary>Reads one event.</summary>
    /// <param name="utf8Json">The payload of one <c>data:</c> line (without the <c>data:</c> prefix).</param>
    /// <exception cref="JsonException">The payload is not one JSON object with a string <c>type</c>, or does not match its event.</exception>
    public static AgentStreamEvent Read(ReadOnlySpan<byte> utf8Json)
    {
        var e = JsonSerializer.Deserialize(utf8Json, PerplexityJsonContext.Default.AgentStreamEvent)
            ?? throw new JsonException("A stream event is null.");

        // The generated deserializer assigns every init-only property, present or not, so whether the event carried its
        // sequence number is read from the payload (the key is top-level in every documented event).
        e.HasSequenceNumber = utf8Json.IndexOf(SequenceNumberKey) >= 0;
        return e;
    }

    private static ReadOnlySpan<byte> SequenceNumberKey => "\"sequence_number\""u8;
}
