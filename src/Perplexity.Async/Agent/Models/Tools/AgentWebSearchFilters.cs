using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>
/// Domain and date filters of the <c>web_search</c> tool (<c>filters</c>). Dates are <c>MM/DD/YYYY</c>;
/// <see cref="SearchDateFilter.Format(System.DateTime)"/> writes one. The recency filter and the date filters exclude each other.
/// </summary>
public sealed record AgentWebSearchFilters
{
    private IDictionary<string, JsonElement>? _additionalProperties;

    /// <summary>Domains to search only (<c>"nature.com"</c>) or never (<c>"-reddit.com"</c>): at most 20, scheme-less, 253 characters each.</summary>
    [JsonPropertyName("search_domain_filter")]
    public IReadOnlyList<string>? SearchDomainFilter { get; init; }

    /// <summary>How recent results must be: <c>hour</c>, <c>day</c>, <c>week</c>, <c>month</c> or <c>year</c>.</summary>
    [JsonPropertyName("search_recency_filter")]
    public SearchRecencyFilter? SearchRecencyFilter { get; init; }

    /// <summary>Only results published after this date (<c>MM/DD/YYYY</c>).</summary>
    [JsonPropertyName("search_after_date_filter")]
    public string? SearchAfterDateFilter { get; init; }

    /// <summary>Only results published before this date (<c>MM/DD/YYYY</c>).</summary>
    [JsonPropertyName("search_before_date_filter")]
    public string? SearchBeforeDateFilter { get; init; }

    /// <summary>Only results updated after this date (<c>MM/DD/YYYY</c>).</summary>
    [JsonPropertyName("last_updated_after_filter")]
    public string? LastUpdatedAfterFilter { get; init; }

    /// <summary>Only results updated before this date (<c>MM/DD/YYYY</c>).</summary>
    [JsonPropertyName("last_updated_before_filter")]
    public string? LastUpdatedBeforeFilter { get; init; }

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
