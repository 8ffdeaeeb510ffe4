using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>
/// What went wrong: the <c>error</c> of a failed or cancelled run, of a <c>response.failed</c> or <c>error</c> stream
/// event, and of an HTTP error body (<c>{"error": {...}}</c>).
/// </summary>
/// <remarks>
/// <see cref="Type"/> is the machine-readable key (<c>invalid_request</c>, <c>not_found</c>,
/// <c>chat_completions_not_available</c>, <c>cancelled</c>, …). <see cref="Code"/> is an integer in HTTP error bodies
/// (the status code) but a string elsewhere (<c>"cancelled"</c> on a cancelled run), so it keeps the form it was sent
/// in. Every member is optional, so an unexpected error shape never hides the run's state.
/// </remarks>
public sealed record AgentError
{
    /// <summary>The error code: the HTTP status as an integer in error bodies, a string such as <c>cancelled</c> in a run.</summary>
    [JsonPropertyName("code")]
    public StringOrInteger? Code { get; init; }

    /// <summary>A human-readable message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>The error category, the key to branch on, for example <c>invalid_request</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The request field the error is about, for example an unknown field's name.</summary>
    [JsonPropertyName("param")]
    public string? Param { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
