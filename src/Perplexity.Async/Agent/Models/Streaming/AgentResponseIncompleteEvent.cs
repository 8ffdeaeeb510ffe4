using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>The run stopped early (<c>response.incomplete</c>, terminal), for example at <c>max_output_tokens</c>.</summary>
public sealed record AgentResponseIncompleteEvent : AgentResponseSnapshotEvent
{
    /// <summary>The wire type of this event.</summary>
    public const string WireType = "response.incomplete";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;
}
