using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>The pages a fetch-URL reasoning step read.</summary>
public sealed record FetchUrlContentStepDetails
{
    /// <summary>The fetched pages.</summary>
    [JsonPropertyName("contents")]
    [JsonConverter(typeof(Serialization.NonNullListConverter<ApiPublicSearchResult>))]
    public required IReadOnlyList<ApiPublicSearchResult> Contents { get; init; }
}
