using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>One problem with a request, as reported in a 422 answer.</summary>
public sealed record ValidationError
{
    /// <summary>Where the problem is: a path of property names and array indexes, for example <c>body.request.model</c>.</summary>
    [JsonPropertyName("loc")]
    public required IReadOnlyList<StringOrInteger> Location { get; init; }

    /// <summary>What is wrong.</summary>
    [JsonPropertyName("msg")]
    public required string Message { get; init; }

    /// <summary>The error's machine-readable type, for example <c>missing</c>.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>The location joined with dots, for example <c>body.request.messages.0</c>.</summary>
    [JsonIgnore]
    public string Path => string.Join(".", Location);

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
