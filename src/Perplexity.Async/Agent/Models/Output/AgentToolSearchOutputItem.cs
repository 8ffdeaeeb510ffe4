using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// The tool definitions one hosted tool search matched (<c>"type": "tool_search_output"</c>), for MCP servers with
/// <c>defer_loading</c>.
/// </summary>
public sealed record AgentToolSearchOutputItem : AgentOutputItem, IJsonOnDeserialized
{
    /// <summary>The wire type of this item.</summary>
    public const string WireType = "tool_search_output";

    private readonly IReadOnlyList<AgentToolNamespace> _tools = Array.Empty<AgentToolNamespace>();

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;

    /// <summary>Always <see langword="null"/> for a hosted search.</summary>
    [JsonPropertyName("call_id")]
    public string? CallId { get; init; }

    /// <summary>Where the search ran: <c>server</c> today. An open string.</summary>
    [JsonPropertyName("execution")]
    public required string Execution { get; init; }

    /// <summary>The search text the model wrote.</summary>
    [JsonPropertyName("arguments")]
    public string? Arguments { get; init; }

    /// <summary>The matched tools, grouped by namespace. A JSON <c>null</c> reads as empty.</summary>
    [JsonPropertyName("tools")]
    [AllowNull]
    public required IReadOnlyList<AgentToolNamespace> Tools
    {
        get => _tools;
        init => _tools = value ?? Array.Empty<AgentToolNamespace>();
    }

    /// <summary>The execution status: <c>in_progress</c>, <c>completed</c> or <c>incomplete</c>. An open string.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>Refuses a JSON <c>null</c> inside <see cref="Tools"/>.</summary>
    void IJsonOnDeserialized.OnDeserialized() => NullItems.Check(_tools, "tools");
}
