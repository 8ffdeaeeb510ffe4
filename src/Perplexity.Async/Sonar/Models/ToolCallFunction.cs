using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>The function a tool call invokes.</summary>
public sealed record ToolCallFunction
{
    /// <summary>The function's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The arguments as a JSON string, exactly as the model wrote them.</summary>
    [JsonPropertyName("arguments")]
    public string? Arguments { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
