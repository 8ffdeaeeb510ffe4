using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>
/// The result of a function call (<c>"type": "function_call_output"</c>): what the caller's code returned for an
/// <see cref="AgentFunctionCallOutputItem"/>. The API refuses members it does not list here.
/// </summary>
public sealed record AgentFunctionCallOutputInputItem : AgentInputItem
{
    /// <summary>The wire type of this item.</summary>
    public const string WireType = "function_call_output";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public override string Type => WireType;

    /// <summary>The call this result answers.</summary>
    [JsonPropertyName("call_id")]
    public required string CallId { get; init; }

    /// <summary>The result: a string (often JSON text) or <c>input_text</c> and <c>input_image</c> parts.</summary>
    [JsonPropertyName("output")]
    public required AgentInputContent Output { get; init; }

    /// <summary>The function's name (some providers require it).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Replay metadata: the item's id when it came from the API.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>Replay metadata: <c>in_progress</c>, <c>completed</c> or <c>incomplete</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The signature from the function call, for thinking models.</summary>
    [JsonPropertyName("thought_signature")]
    public string? ThoughtSignature { get; init; }
}
