using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>A function the caller runs (<c>"type": "function"</c>, flat Responses style): the model answers with an
/// <see cref="AgentFunctionCallOutputItem"/> and the caller sends the result back.</summary>
public sealed record AgentFunctionTool : AgentTool
{
    /// <summary>The wire type of this tool.</summary>
    public const string WireType = "function";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public override string Type => WireType;

    /// <summary>The function's name; names of built-in tools (<c>web_search</c>, <c>search_web</c>, <c>fetch_url</c>, …) are refused.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>What the function does, for the model.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The JSON Schema of the function's parameters.</summary>
    [JsonPropertyName("parameters")]
    public JsonElement? Parameters { get; init; }

    /// <summary>Whether the arguments must match <see cref="Parameters"/> strictly.</summary>
    [JsonPropertyName("strict")]
    public bool? Strict { get; init; }
}
