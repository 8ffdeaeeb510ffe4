using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>The run failed (<c>response.failed</c>, terminal). The schema documents <see cref="Error"/> only; a snapshot may come too.</summary>
public sealed record AgentResponseFailedEvent : AgentResponseSnapshotEvent
{
    /// <summary>The wire type of this event.</summary>
    public const string WireType = "response.failed";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;

    /// <summary>What went wrong.</summary>
    [JsonPropertyName("error")]
    public AgentError? Error { get; init; }
}
