using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>Web search (<c>"type": "web_search"</c>), with optional filters and limits. Its calls appear as
/// <see cref="AgentSearchResultsOutputItem"/>s and are billed as <c>search_web</c>.</summary>
public sealed record AgentWebSearchTool : AgentTool
{
    /// <summary>The wire type of this tool.</summary>
    public const string WireType = "web_search";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public override string Type => WireType;

    /// <summary>Domain and date filters.</summary>
    [JsonPropertyName("filters")]
    public AgentWebSearchFilters? Filters { get; init; }

    /// <summary><c>web</c> (standard) or <c>fast</c>; left out, the preset's search type, else <c>web</c>.</summary>
    [JsonPropertyName("search_type")]
    public AgentSearchType? SearchType { get; init; }

    /// <summary>A named search context budget: <c>low</c>, <c>medium</c> or <c>high</c>; <see cref="MaxTokens"/> and <see cref="MaxTokensPerPage"/> override it.</summary>
    [JsonPropertyName("search_context_size")]
    public SearchContextSize? SearchContextSize { get; init; }

    /// <summary>The most results collected per call, 1 to 50.</summary>
    [JsonPropertyName("max_results")]
    public int? MaxResults { get; init; }

    /// <summary>The most tokens of search context in total.</summary>
    [JsonPropertyName("max_tokens")]
    public int? MaxTokens { get; init; }

    /// <summary>The most tokens extracted per result page.</summary>
    [JsonPropertyName("max_tokens_per_page")]
    public int? MaxTokensPerPage { get; init; }

    /// <summary>The user's location, to localise results.</summary>
    [JsonPropertyName("user_location")]
    public AgentUserLocation? UserLocation { get; init; }
}
