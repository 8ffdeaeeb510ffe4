using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>The run completed (<c>response.completed</c>, terminal): the final snapshot with output and usage.</summary>
public sealed record AgentResponseCompletedEvent : AgentResponseSnapshotEvent
{
    /// <summary>The wire type of this event.</summary>
    public const string WireType = "response.completed";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;
}
