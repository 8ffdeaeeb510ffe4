using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>What a web-search reasoning step searched for and found.</summary>
public sealed record WebSearchStepDetails : IJsonOnDeserialized
{
    /// <summary>The results the search returned.</summary>
    [JsonPropertyName("search_results")]
    public required IReadOnlyList<ApiPublicSearchResult> SearchResults { get; init; }

    /// <summary>The keywords searched for.</summary>
    [JsonPropertyName("search_keywords")]
    public required IReadOnlyList<string> SearchKeywords { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }

    /// <summary>Refuses a JSON <c>null</c> inside a list whose items are never null (the serializer checks properties, not list items).</summary>
    void IJsonOnDeserialized.OnDeserialized()
    {
        NullItems.Check(SearchResults, "search_results");
        NullItems.Check(SearchKeywords, "search_keywords");
    }
}
