using System.Collections.Generic;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>The pages a fetch-URL reasoning step read.</summary>
public sealed record FetchUrlContentStepDetails : IJsonOnDeserialized
{
    /// <summary>The fetched pages.</summary>
    [JsonPropertyName("contents")]
    public required IReadOnlyList<ApiPublicSearchResult> Contents { get; init; }

    /// <summary>Refuses a JSON <c>null</c> inside a list whose items are never null (the serializer checks properties, not list items).</summary>
    void IJsonOnDeserialized.OnDeserialized()
    {
        NullItems.Check(Contents, "contents");
    }
}
