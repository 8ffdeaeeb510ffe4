using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>What a web-search reasoning step searched for and found.</summary>
public sealed record WebSearchStepDetails
{
    /// <summary>The results the search returned.</summary>
    [JsonPropertyName("search_results")]
    [JsonConverter(typeof(Serialization.NonNullListConverter<ApiPublicSearchResult>))]
    public required IReadOnlyList<ApiPublicSearchResult> SearchResults { get; init; }

    /// <summary>The keywords searched for.</summary>
    [JsonPropertyName("search_keywords")]
    [JsonConverter(typeof(Serialization.NonNullListConverter<string>))]
    public required IReadOnlyList<string> SearchKeywords { get; init; }
}
