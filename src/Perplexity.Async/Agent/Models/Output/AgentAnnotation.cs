using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>
/// A citation attached to a span of answer text: <c>url_citation</c> with the cited page and the span's character
/// offsets. Another annotation type reads into the same record (its other members land in
/// <see cref="AdditionalProperties"/>).
/// </summary>
public sealed record AgentAnnotation
{
    /// <summary>The annotation type, <c>url_citation</c> for a cited page.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The cited page's address.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>The cited page's title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>Where the cited span starts in the text, in characters.</summary>
    [JsonPropertyName("start_index")]
    public int? StartIndex { get; init; }

    /// <summary>Where the cited span ends in the text, in characters.</summary>
    [JsonPropertyName("end_index")]
    public int? EndIndex { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
