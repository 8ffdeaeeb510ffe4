using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>One tool an MCP server offers, as listed in an <see cref="AgentMcpListToolsOutputItem"/>.</summary>
public sealed record AgentMcpToolDefinition
{
    /// <summary>The tool's name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>What the tool does.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The server's JSON Schema of the tool's input, passed through unchanged.</summary>
    [JsonPropertyName("input_schema")]
    public required JsonElement InputSchema { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
