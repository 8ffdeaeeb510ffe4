using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// The tools discovered on one MCP server or connector when the run started (<c>"type": "mcp_list_tools"</c>).
/// </summary>
public sealed record AgentMcpListToolsOutputItem : AgentOutputItem, IJsonOnDeserialized
{
    /// <summary>The wire type of this item.</summary>
    public const string WireType = "mcp_list_tools";

    private readonly IReadOnlyList<AgentMcpToolDefinition> _tools = Array.Empty<AgentMcpToolDefinition>();

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;

    /// <summary>The <c>server_label</c> of the request's <c>mcp</c> or <c>connector</c> tool.</summary>
    [JsonPropertyName("server_label")]
    public required string ServerLabel { get; init; }

    /// <summary>The connector's id, when the item comes from a managed connector.</summary>
    [JsonPropertyName("connector_id")]
    public string? ConnectorId { get; init; }

    /// <summary>The tools the server offers. A JSON <c>null</c> reads as empty.</summary>
    [JsonPropertyName("tools")]
    [AllowNull]
    public required IReadOnlyList<AgentMcpToolDefinition> Tools
    {
        get => _tools;
        init => _tools = value ?? Array.Empty<AgentMcpToolDefinition>();
    }

    /// <summary>Why the tools could not be listed; absent on success.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>Refuses a JSON <c>null</c> inside <see cref="Tools"/>.</summary>
    void IJsonOnDeserialized.OnDeserialized() => NullItems.Check(_tools, "tools");
}
