using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>The run started (<c>response.in_progress</c>).</summary>
public sealed record AgentResponseInProgressEvent : AgentResponseSnapshotEvent
{
    /// <summary>The wire type of this event.</summary>
    public const string WireType = "response.in_progress";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;
}
