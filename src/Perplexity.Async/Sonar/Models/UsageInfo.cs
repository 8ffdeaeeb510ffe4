using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>Token counts and cost of a completion.</summary>
public sealed record UsageInfo
{
    /// <summary>Tokens in the prompt.</summary>
    [JsonPropertyName("prompt_tokens")]
    public required int PromptTokens { get; init; }

    /// <summary>Tokens in the answer.</summary>
    [JsonPropertyName("completion_tokens")]
    public required int CompletionTokens { get; init; }

    /// <summary>Prompt and answer tokens together.</summary>
    [JsonPropertyName("total_tokens")]
    public required int TotalTokens { get; init; }

    /// <summary>The search context size used (<c>low</c>, <c>medium</c>, <c>high</c>).</summary>
    [JsonPropertyName("search_context_size")]
    public string? SearchContextSize { get; init; }

    /// <summary>Tokens spent on citations.</summary>
    [JsonPropertyName("citation_tokens")]
    public int? CitationTokens { get; init; }

    /// <summary>How many searches the model ran.</summary>
    [JsonPropertyName("num_search_queries")]
    public int? NumSearchQueries { get; init; }

    /// <summary>Tokens spent reasoning.</summary>
    [JsonPropertyName("reasoning_tokens")]
    public int? ReasoningTokens { get; init; }

    /// <summary>
    /// The cost in US dollars. Required by the schema but missing from older payloads, so it may be
    /// <see langword="null"/>.
    /// </summary>
    [JsonPropertyName("cost")]
    public Cost? Cost { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
