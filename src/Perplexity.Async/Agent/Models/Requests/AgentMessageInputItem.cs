using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>
/// A message in the conversation (<c>"type": "message"</c>): who wrote it and what it says. The SDK always writes the
/// <c>type</c>, which the schema requires (some examples leave it out).
/// </summary>
public sealed record AgentMessageInputItem : AgentInputItem
{
    /// <summary>The wire type of this item.</summary>
    public const string WireType = "message";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public override string Type => WireType;

    /// <summary>Who wrote it: <c>user</c>, <c>assistant</c>, <c>system</c> or <c>developer</c>.</summary>
    [JsonPropertyName("role")]
    public required AgentMessageRole Role { get; init; }

    /// <summary>The content: a string or parts (<c>input_text</c>, <c>input_image</c>, <c>input_file</c>).</summary>
    [JsonPropertyName("content")]
    public required AgentInputContent Content { get; init; }
}
