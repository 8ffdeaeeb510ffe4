using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>The body of a 422 answer: what was wrong with the request.</summary>
public sealed record HttpValidationError
{
    /// <summary>One entry per problem.</summary>
    [JsonPropertyName("detail")]
    [JsonConverter(typeof(Serialization.NonNullListConverter<ValidationError>))]
    public IReadOnlyList<ValidationError>? Detail { get; init; }
}
