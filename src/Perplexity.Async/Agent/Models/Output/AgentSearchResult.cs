using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>
/// One page a search found (an entry of <c>search_results</c> and <c>people_search_results</c> items, and of
/// <c>response.reasoning.search_results</c> events). These are a run's sources: cite from them.
/// </summary>
[JsonConverter(typeof(AgentSearchResultConverter))]
public sealed record AgentSearchResult
{
    private readonly string _snippet = string.Empty;

    /// <summary>
    /// The result's number, unique within the run (1-based, not in query order). Inline markers in the answer such as
    /// <c>[web:11]</c> do not reliably refer to it.
    /// </summary>
    [JsonPropertyName("id")]
    public required long Id { get; init; }

    /// <summary>The page address.</summary>
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    /// <summary>The page title.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>An excerpt of the page. Defaults to an empty string.</summary>
    [JsonPropertyName("snippet")]
    public string Snippet
    {
        get => _snippet;
        init => _snippet = value ?? string.Empty;
    }

    /// <summary>The publication date as the API gives it (free-form text, usually <c>YYYY-MM-DD</c>).</summary>
    [JsonPropertyName("date")]
    public string? Date { get; init; }

    /// <summary>When the page was last updated, as the API gives it (free-form text).</summary>
    [JsonPropertyName("last_updated")]
    public string? LastUpdated { get; init; }

    /// <summary>Where the result came from: <c>web</c> today.</summary>
    [JsonPropertyName("source")]
    public SearchResultSource? Source { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
