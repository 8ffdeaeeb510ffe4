using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>Text (<c>"type": "input_text"</c>).</summary>
public sealed record AgentInputTextPart : AgentInputContentPart
{
    /// <summary>The wire type of this part.</summary>
    public const string WireType = "input_text";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public override string Type => WireType;

    /// <summary>The text.</summary>
    [JsonPropertyName("text")]
    public required string Text { get; init; }
}
