using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>A remote MCP server (<c>"type": "mcp"</c>, Streamable HTTP only): its tools are discovered when the run starts
/// and called like native ones. At most 16 per request; an unreachable server fails the request with HTTP 424.</summary>
public sealed record AgentMcpTool : AgentTool
{
    /// <summary>The wire type of this tool.</summary>
    public const string WireType = "mcp";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public override string Type => WireType;

    /// <summary>A unique label, <c>^[a-zA-Z0-9_-]{1,64}$</c>, that namespaces the server's tools.</summary>
    [JsonPropertyName("server_label")]
    public required string ServerLabel { get; init; }

    /// <summary>The server's HTTPS endpoint.</summary>
    [JsonPropertyName("server_url")]
    public required string ServerUrl { get; init; }

    /// <summary>An access token passed to the server; never logged or echoed by the API.</summary>
    [JsonPropertyName("authorization")]
    public string? Authorization { get; init; }

    /// <summary>Extra request headers for the server.</summary>
    [JsonPropertyName("headers")]
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>The tools to expose; empty or left out exposes all.</summary>
    [JsonPropertyName("allowed_tools")]
    public IReadOnlyList<string>? AllowedTools { get; init; }

    /// <summary>Whether tool definitions stay out of the initial context until the model searches for them.</summary>
    [JsonPropertyName("defer_loading")]
    public bool? DeferLoading { get; init; }
}
