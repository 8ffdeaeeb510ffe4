using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>
/// A page the <c>fetch_url</c> tool read (an entry of <c>fetch_url_results</c> items and of
/// <c>response.reasoning.fetch_url_results</c> events).
/// </summary>
[JsonConverter(typeof(AgentUrlContentConverter))]
public sealed record AgentUrlContent
{
    /// <summary>The page address.</summary>
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    /// <summary>The page title.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>The page text the tool extracted; it can be tens of kilobytes.</summary>
    [JsonPropertyName("snippet")]
    public required string Snippet { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
