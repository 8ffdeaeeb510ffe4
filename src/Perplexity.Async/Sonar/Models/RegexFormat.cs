using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>A regular expression the answer must match (<c>response_format.regex</c>; seen in the official SDKs' types).</summary>
public sealed record RegexFormat
{
    /// <summary>The regular expression.</summary>
    [JsonPropertyName("regex")]
    public required string Regex { get; init; }

    /// <summary>The pattern's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>What the output is, to guide the model.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Whether the pattern is enforced strictly.</summary>
    [JsonPropertyName("strict")]
    public bool? Strict { get; init; }
}
