using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>The cost of a completion in US dollars, broken down by what was charged.</summary>
public sealed record Cost
{
    /// <summary>Cost of the prompt tokens.</summary>
    [JsonPropertyName("input_tokens_cost")]
    public required decimal InputTokensCost { get; init; }

    /// <summary>Cost of the answer tokens.</summary>
    [JsonPropertyName("output_tokens_cost")]
    public required decimal OutputTokensCost { get; init; }

    /// <summary>Total cost of the job.</summary>
    [JsonPropertyName("total_cost")]
    public required decimal TotalCost { get; init; }

    /// <summary>Cost of the reasoning tokens.</summary>
    [JsonPropertyName("reasoning_tokens_cost")]
    public decimal? ReasoningTokensCost { get; init; }

    /// <summary>The flat per-request fee.</summary>
    [JsonPropertyName("request_cost")]
    public decimal? RequestCost { get; init; }

    /// <summary>Cost of the citation tokens.</summary>
    [JsonPropertyName("citation_tokens_cost")]
    public decimal? CitationTokensCost { get; init; }

    /// <summary>Cost of the searches.</summary>
    [JsonPropertyName("search_queries_cost")]
    public decimal? SearchQueriesCost { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
