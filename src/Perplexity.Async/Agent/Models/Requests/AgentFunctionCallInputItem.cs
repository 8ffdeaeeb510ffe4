using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>
/// A function call the model made in an earlier response (<c>"type": "function_call"</c>), replayed in the input
/// before its <see cref="AgentFunctionCallOutputInputItem"/> when the conversation is sent again in full.
/// </summary>
public sealed record AgentFunctionCallInputItem : AgentInputItem
{
    /// <summary>The wire type of this item.</summary>
    public const string WireType = "function_call";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public override string Type => WireType;

    /// <summary>The call's id, which its output refers to.</summary>
    [JsonPropertyName("call_id")]
    public required string CallId { get; init; }

    /// <summary>The function's name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The arguments, as the JSON text the model wrote.</summary>
    [JsonPropertyName("arguments")]
    public required string Arguments { get; init; }

    /// <summary>The opaque signature a thinking model attached to the call, if any.</summary>
    [JsonPropertyName("thought_signature")]
    public string? ThoughtSignature { get; init; }
}
