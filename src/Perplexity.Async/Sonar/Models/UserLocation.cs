using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>Where the user is, to localise search results (<c>web_search_options.user_location</c>).</summary>
public sealed record UserLocation
{
    /// <summary>Latitude in degrees, from -90 to 90.</summary>
    [JsonPropertyName("latitude")]
    public double? Latitude { get; init; }

    /// <summary>Longitude in degrees, from -180 to 180.</summary>
    [JsonPropertyName("longitude")]
    public double? Longitude { get; init; }

    /// <summary>The country as an ISO 3166-1 alpha-2 code, for example <c>US</c>.</summary>
    [JsonPropertyName("country")]
    public string? Country { get; init; }

    /// <summary>The city, for example <c>San Francisco</c>.</summary>
    [JsonPropertyName("city")]
    public string? City { get; init; }

    /// <summary>The region or state, for example <c>California</c>.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; init; }
}
