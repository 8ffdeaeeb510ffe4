using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>The run was created (<c>response.created</c>), the first event of a stream: its snapshot is queued or in progress, with no output.</summary>
public sealed record AgentResponseCreatedEvent : AgentResponseSnapshotEvent
{
    /// <summary>The wire type of this event.</summary>
    public const string WireType = "response.created";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;
}
