using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>One page of the job list: the jobs, and the token that fetches the next page.</summary>
public sealed record AsyncChatCompletionsListResponse : IJsonOnDeserialized
{
    /// <summary>The jobs on this page.</summary>
    [JsonPropertyName("requests")]
    public required IReadOnlyList<AsyncChatCompletionSummary> Requests { get; init; }

    /// <summary>Pass to <c>ListPageAsync</c> for the next page; <see langword="null"/> (or empty) on the last page.</summary>
    [JsonPropertyName("next_token")]
    public string? NextToken { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }

    /// <summary>Refuses a JSON <c>null</c> inside a list whose items are never null (the serializer checks properties, not list items).</summary>
    void IJsonOnDeserialized.OnDeserialized()
    {
        NullItems.Check(Requests, "requests");
    }
}
