using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>Filters of the <c>image_search</c> tool (<c>filters</c>).</summary>
public sealed record AgentImageSearchFilters
{
    private IDictionary<string, JsonElement>? _additionalProperties;

    /// <summary>Domains images may come from, or not (<c>"-gettyimages.com"</c>); at most 10.</summary>
    [JsonPropertyName("domain_filter")]
    public IReadOnlyList<string>? DomainFilter { get; init; }

    /// <summary>Image formats to return: <c>bmp</c>, <c>gif</c>, <c>jpeg</c>, <c>png</c>, <c>webp</c>, <c>svg</c>; at most 10.</summary>
    [JsonPropertyName("format_filter")]
    public IReadOnlyList<string>? FormatFilter { get; init; }

    /// <summary>Whether unsafe images are filtered out (the API's default is <see langword="true"/>).</summary>
    [JsonPropertyName("safe_search")]
    public bool? SafeSearch { get; init; }

    /// <summary>
    /// Properties to send that this version of the SDK does not model, written next to the typed ones; a name a typed
    /// property already writes is refused before the request is sent.
    /// </summary>
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
