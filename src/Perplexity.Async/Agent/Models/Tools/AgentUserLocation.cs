using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>Where the user is, to localise the <c>web_search</c> tool's results (<c>user_location</c>).</summary>
public sealed record AgentUserLocation
{
    private IDictionary<string, JsonElement>? _additionalProperties;

    /// <summary>The city, for example <c>San Francisco</c>.</summary>
    [JsonPropertyName("city")]
    public string? City { get; init; }

    /// <summary>The country as an ISO 3166-1 alpha-2 code, for example <c>US</c>.</summary>
    [JsonPropertyName("country")]
    public string? Country { get; init; }

    /// <summary>The state or region, for example <c>California</c>.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; init; }

    /// <summary>Latitude in degrees.</summary>
    [JsonPropertyName("latitude")]
    public double? Latitude { get; init; }

    /// <summary>Longitude in degrees.</summary>
    [JsonPropertyName("longitude")]
    public double? Longitude { get; init; }

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
