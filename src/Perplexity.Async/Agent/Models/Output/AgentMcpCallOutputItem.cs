using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>One tool call the agent made on an MCP server or connector (<c>"type": "mcp_call"</c>).</summary>
public sealed record AgentMcpCallOutputItem : AgentOutputItem
{
    /// <summary>The wire type of this item.</summary>
    public const string WireType = "mcp_call";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;

    /// <summary>The <c>server_label</c> of the request's <c>mcp</c> or <c>connector</c> tool.</summary>
    [JsonPropertyName("server_label")]
    public required string ServerLabel { get; init; }

    /// <summary>The connector's id, when the call went to a managed connector.</summary>
    [JsonPropertyName("connector_id")]
    public string? ConnectorId { get; init; }

    /// <summary>The tool's name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The arguments the model passed, as a JSON text.</summary>
    [JsonPropertyName("arguments")]
    public required string Arguments { get; init; }

    /// <summary>The tool's output text; empty when the call failed.</summary>
    [JsonPropertyName("output")]
    public string? Output { get; init; }

    /// <summary>Why the call failed; <see langword="null"/> on success.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }
}
