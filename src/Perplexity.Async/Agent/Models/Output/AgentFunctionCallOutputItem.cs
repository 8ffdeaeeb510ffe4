using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>
/// A call of one of the request's <c>function</c> tools (<c>"type": "function_call"</c>), for the caller to run:
/// send its result back in a new request as an <see cref="AgentFunctionCallOutputInputItem"/> with the same
/// <see cref="CallId"/>.
/// </summary>
public sealed record AgentFunctionCallOutputItem : AgentOutputItem
{
    /// <summary>The wire type of this item.</summary>
    public const string WireType = "function_call";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;

    /// <summary>Correlates this call with the <c>function_call_output</c> that answers it.</summary>
    [JsonPropertyName("call_id")]
    public required string CallId { get; init; }

    /// <summary>The function's name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The arguments, as a JSON text (parse it with the function's parameter schema in mind).</summary>
    [JsonPropertyName("arguments")]
    public required string Arguments { get; init; }

    /// <summary>Whether the call is complete.</summary>
    [JsonPropertyName("status")]
    public required AgentResponseStatus Status { get; init; }

    /// <summary>An opaque signature some thinking models attach; send it back with the call's output.</summary>
    [JsonPropertyName("thought_signature")]
    public string? ThoughtSignature { get; init; }
}
