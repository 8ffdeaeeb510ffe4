using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>The model finished reasoning or searching (<c>response.reasoning.stopped</c>).</summary>
public sealed record AgentReasoningStoppedEvent : AgentStreamEvent
{
    /// <summary>The wire type of this event.</summary>
    public const string WireType = "response.reasoning.stopped";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;

    /// <summary>The model's thought at this point, when it shares one.</summary>
    [JsonPropertyName("thought")]
    public string? Thought { get; init; }
}
