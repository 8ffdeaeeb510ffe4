using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>A namespace of external tool definitions in an <see cref="AgentToolSearchOutputItem"/>.</summary>
public sealed record AgentToolNamespace : IJsonOnDeserialized
{
    private readonly IReadOnlyList<AgentToolDefinition> _tools = Array.Empty<AgentToolDefinition>();

    /// <summary>The entry type: <c>namespace</c>.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>The namespace's name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>What the namespace offers.</summary>
    [JsonPropertyName("description")]
    public required string Description { get; init; }

    /// <summary>The functions in the namespace. A JSON <c>null</c> reads as empty.</summary>
    [JsonPropertyName("tools")]
    [AllowNull]
    public required IReadOnlyList<AgentToolDefinition> Tools
    {
        get => _tools;
        init => _tools = value ?? Array.Empty<AgentToolDefinition>();
    }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }

    /// <summary>Refuses a JSON <c>null</c> inside <see cref="Tools"/>.</summary>
    void IJsonOnDeserialized.OnDeserialized() => NullItems.Check(_tools, "tools");
}
