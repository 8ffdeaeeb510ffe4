using System;
using System.Text.Json;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>
/// An event whose <c>type</c> this version of the SDK does not know (for example <c>response.unknown</c>, which the API
/// reserves for forward compatibility). Safe to ignore; its JSON is kept exactly and written back unchanged.
/// </summary>
public sealed record AgentUnknownStreamEvent : AgentStreamEvent
{
    private readonly string _type;

    /// <summary>Wraps an event's raw JSON object.</summary>
    /// <param name="json">
    /// The event object; its <c>type</c> names the event, its <c>sequence_number</c> (if an integer) becomes
    /// <see cref="AgentStreamEvent.SequenceNumber"/>.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not an object with a string <c>type</c>.</exception>
    public AgentUnknownStreamEvent(JsonElement json)
    {
        (_type, Json) = RawJson.TypedObject(json, "A stream event", nameof(json));
        if (Json.TryGetProperty("sequence_number", out var sequence) && sequence.ValueKind == JsonValueKind.Number
            && sequence.TryGetInt64(out var number))
        {
            SequenceNumber = number;
        }
    }

    /// <inheritdoc/>
    public override string Type => _type;

    /// <summary>The event's JSON, as received; <see cref="AgentStreamEvent.AdditionalProperties"/> stays null.</summary>
    public JsonElement Json { get; }
}
