using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>A search result: a page the model found or read.</summary>
[JsonConverter(typeof(ApiPublicSearchResultConverter))]
public sealed record ApiPublicSearchResult
{
    private readonly string _snippet = string.Empty;
    private readonly SearchResultSource _source = SearchResultSource.Web;

    /// <summary>The page title.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>The page address.</summary>
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    /// <summary>The publication date as the API gives it (free-form text).</summary>
    [JsonPropertyName("date")]
    public string? Date { get; init; }

    /// <summary>When the page was last updated, as the API gives it (free-form text).</summary>
    [JsonPropertyName("last_updated")]
    public string? LastUpdated { get; init; }

    /// <summary>A short excerpt of the page. Defaults to an empty string.</summary>
    [JsonPropertyName("snippet")]
    public string Snippet
    {
        get => _snippet;

        // The source generator passes null for an absent init-only property, so the default is applied here.
        init => _snippet = value ?? string.Empty;
    }

    /// <summary>Where the result came from. Defaults to <see cref="SearchResultSource.Web"/>.</summary>
    [JsonPropertyName("source")]
    public SearchResultSource Source
    {
        get => _source;
        init => _source = value.Value.Length == 0 ? SearchResultSource.Web : value;
    }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
