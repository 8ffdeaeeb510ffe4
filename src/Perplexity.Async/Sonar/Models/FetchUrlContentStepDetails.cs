using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>The pages a fetch-URL reasoning step read.</summary>
public sealed record FetchUrlContentStepDetails : IJsonOnDeserialized
{
    /// <summary>The fetched pages.</summary>
    [JsonPropertyName("contents")]
    public required IReadOnlyList<ApiPublicSearchResult> Contents { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }

    /// <summary>Refuses a JSON <c>null</c> inside a list whose items are never null (the serializer checks properties, not list items).</summary>
    void IJsonOnDeserialized.OnDeserialized()
    {
        NullItems.Check(Contents, "contents");
    }
}
