using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>A function the model may call: its name, what it does and the JSON schema of its arguments.</summary>
public sealed record ChatToolFunction
{
    /// <summary>The function's name, as the model will call it.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>What the function does, so the model knows when to call it.</summary>
    [JsonPropertyName("description")]
    public required string Description { get; init; }

    /// <summary>The JSON schema of the arguments (an object schema with <c>type</c> and <c>properties</c>), sent as it is.</summary>
    [JsonPropertyName("parameters")]
    public required JsonElement Parameters { get; init; }

    /// <summary>Whether the arguments must match the schema strictly.</summary>
    [JsonPropertyName("strict")]
    public bool? Strict { get; init; }
}
