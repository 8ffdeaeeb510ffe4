using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// The results of one <c>image_search</c> call (<c>"type": "image_search_results"</c>).
/// </summary>
public sealed record AgentImageSearchResultsOutputItem : AgentOutputItem, IJsonOnDeserialized
{
    /// <summary>The wire type of this item.</summary>
    public const string WireType = "image_search_results";

    private readonly IReadOnlyList<AgentImageResult> _results = Array.Empty<AgentImageResult>();

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;

    /// <summary>
    /// The queries the agent searched for in this call; <see langword="null"/> when the API sends none (it has been
    /// seen sending <c>"queries": null</c>).
    /// </summary>
    [JsonPropertyName("queries")]
    public IReadOnlyList<string>? Queries { get; init; }

    /// <summary>Set when the image search failed: <c>image_search_failed</c>.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>The images found. A JSON <c>null</c> reads as empty.</summary>
    [JsonPropertyName("results")]
    [AllowNull]
    public required IReadOnlyList<AgentImageResult> Results
    {
        get => _results;
        init => _results = value ?? Array.Empty<AgentImageResult>();
    }

    /// <summary>Refuses a JSON <c>null</c> inside a list.</summary>
    void IJsonOnDeserialized.OnDeserialized()
    {
        NullItems.Check(_results, "results");
        NullItems.Check(Queries, "queries");
    }
}
