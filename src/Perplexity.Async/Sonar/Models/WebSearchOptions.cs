using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>How the web search behind an answer runs (<c>web_search_options</c>).</summary>
public sealed record WebSearchOptions
{
    private IDictionary<string, JsonElement>? _additionalProperties;

    /// <summary>How much search context is retrieved: <c>low</c> (the API's default), <c>medium</c> or <c>high</c>.</summary>
    [JsonPropertyName("search_context_size")]
    public SearchContextSize? SearchContextSize { get; init; }

    /// <summary>Which search pipeline runs: <c>fast</c>, <c>pro</c> or <c>auto</c>.</summary>
    [JsonPropertyName("search_type")]
    public SearchType? SearchType { get; init; }

    /// <summary>Where the user is, to localise results.</summary>
    [JsonPropertyName("user_location")]
    public UserLocation? UserLocation { get; init; }

    /// <summary>Whether image results are ranked for relevance more carefully.</summary>
    [JsonPropertyName("image_results_enhanced_relevance")]
    public bool? ImageResultsEnhancedRelevance { get; init; }

    /// <summary>More search options to send, for ones this version of the SDK does not model; written as they are.</summary>
    [JsonIgnore]
    public IDictionary<string, JsonElement>? AdditionalProperties
    {
        get => _additionalProperties;
        init => _additionalProperties = value;
    }

    // The serializer binds init-only properties through a constructor, which extension data cannot use; this
    // settable twin over the same field is what it reads and writes.
    [JsonExtensionData]
    [JsonInclude]
    internal IDictionary<string, JsonElement>? ExtensionData
    {
        get => _additionalProperties;
        set => _additionalProperties = value;
    }
}
