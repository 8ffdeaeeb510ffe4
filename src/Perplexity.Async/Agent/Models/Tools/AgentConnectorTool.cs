using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>A Perplexity-managed connector of the organization (<c>"type": "connector"</c>).</summary>
public sealed record AgentConnectorTool : AgentTool
{
    /// <summary>The wire type of this tool.</summary>
    public const string WireType = "connector";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public override string Type => WireType;

    /// <summary>The connector's opaque id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>A unique label, <c>^[a-zA-Z0-9_-]{1,64}$</c>, that namespaces the connector's tools.</summary>
    [JsonPropertyName("server_label")]
    public required string ServerLabel { get; init; }

    /// <summary>A description of the namespace, for the model.</summary>
    [JsonPropertyName("server_description")]
    public string? ServerDescription { get; init; }

    /// <summary>The exact tool names to admit; empty or left out admits all.</summary>
    [JsonPropertyName("allowed_tools")]
    public IReadOnlyList<string>? AllowedTools { get; init; }
}
