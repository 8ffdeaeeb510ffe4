using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>The run was cancelled (<c>response.cancelled</c>, terminal).</summary>
public sealed record AgentResponseCancelledEvent : AgentResponseSnapshotEvent
{
    /// <summary>The wire type of this event.</summary>
    public const string WireType = "response.cancelled";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;
}
