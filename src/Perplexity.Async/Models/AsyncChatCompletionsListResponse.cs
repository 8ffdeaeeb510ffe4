using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>One page of the job list: the jobs, and the token that fetches the next page.</summary>
public sealed record AsyncChatCompletionsListResponse
{
    /// <summary>The jobs on this page.</summary>
    [JsonPropertyName("requests")]
    [JsonConverter(typeof(Serialization.NonNullListConverter<AsyncChatCompletionSummary>))]
    public required IReadOnlyList<AsyncChatCompletionSummary> Requests { get; init; }

    /// <summary>Pass to <c>ListPageAsync</c> for the next page; <see langword="null"/> (or empty) on the last page.</summary>
    [JsonPropertyName("next_token")]
    public string? NextToken { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
