using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>An image found for the answer (sonar route, with <c>return_images</c>).</summary>
public sealed record ImageResult
{
    /// <summary>The image's address.</summary>
    [JsonPropertyName("image_url")]
    public required string ImageUrl { get; init; }

    /// <summary>The page the image was found on.</summary>
    [JsonPropertyName("origin_url")]
    public string? OriginUrl { get; init; }

    /// <summary>The image title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>Width in pixels.</summary>
    [JsonPropertyName("width")]
    public int? Width { get; init; }

    /// <summary>Height in pixels.</summary>
    [JsonPropertyName("height")]
    public int? Height { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
