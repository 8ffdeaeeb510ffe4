using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>One function a hosted tool search found, inside an <see cref="AgentToolNamespace"/>.</summary>
public sealed record AgentToolDefinition
{
    /// <summary>The entry type: <c>function</c>.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>The function's name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>What the function does.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The server's JSON Schema of the function's parameters, passed through unchanged.</summary>
    [JsonPropertyName("parameters")]
    public JsonElement? Parameters { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
