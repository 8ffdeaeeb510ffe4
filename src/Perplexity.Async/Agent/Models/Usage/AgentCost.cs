using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>
/// What a run cost (<c>usage.cost</c>), in US dollars as <see cref="decimal"/> (the wire's floats, such as <c>1e-05</c>,
/// are read exactly). The keys are sparse: a part that cost nothing is often left out, so everything but
/// <see cref="TotalCost"/> is optional.
/// </summary>
public sealed record AgentCost
{
    /// <summary>The currency: <c>USD</c>.</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; init; }

    /// <summary>The input tokens' cost.</summary>
    [JsonPropertyName("input_cost")]
    public decimal? InputCost { get; init; }

    /// <summary>The output tokens' cost.</summary>
    [JsonPropertyName("output_cost")]
    public decimal? OutputCost { get; init; }

    /// <summary>The total cost of the run.</summary>
    [JsonPropertyName("total_cost")]
    public required decimal TotalCost { get; init; }

    /// <summary>The cost of writing to the prompt cache.</summary>
    [JsonPropertyName("cache_creation_cost")]
    public decimal? CacheCreationCost { get; init; }

    /// <summary>The cost of reading from the prompt cache.</summary>
    [JsonPropertyName("cache_read_cost")]
    public decimal? CacheReadCost { get; init; }

    /// <summary>The cost of all tool calls.</summary>
    [JsonPropertyName("tool_calls_cost")]
    public decimal? ToolCallsCost { get; init; }

    /// <summary>The cost of each tool, keyed by billing name (see <see cref="AgentUsage.ToolCallsDetails"/>); an unpriced tool is 0.</summary>
    [JsonPropertyName("tool_calls_cost_details")]
    public IReadOnlyDictionary<string, decimal>? ToolCallsCostDetails { get; init; }

    /// <summary>The customer charge in US dollars, when the API reports it separately.</summary>
    [JsonPropertyName("cost_usd")]
    public decimal? CostUsd { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
