using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>An image the <c>image_search</c> tool found.</summary>
public sealed record AgentImageResult
{
    /// <summary>The image's address.</summary>
    [JsonPropertyName("image_url")]
    public required string ImageUrl { get; init; }

    /// <summary>The page the image was found on.</summary>
    [JsonPropertyName("origin_url")]
    public required string OriginUrl { get; init; }

    /// <summary>Height in pixels.</summary>
    [JsonPropertyName("height")]
    public required long Height { get; init; }

    /// <summary>Width in pixels.</summary>
    [JsonPropertyName("width")]
    public required long Width { get; init; }

    /// <summary>The image's title or description.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
