using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// The results of one <c>web_search</c> call (<c>"type": "search_results"</c>): the queries and the pages found. A run has one
/// item per search call; <see cref="AgentResponse.SearchResults"/> gathers the pages of all of them.
/// </summary>
public sealed record AgentSearchResultsOutputItem : AgentOutputItem, IJsonOnDeserialized
{
    /// <summary>The wire type of this item.</summary>
    public const string WireType = "search_results";

    private readonly IReadOnlyList<AgentSearchResult> _results = Array.Empty<AgentSearchResult>();

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

    /// <summary>The pages found, in the order the API lists them. A JSON <c>null</c> reads as empty.</summary>
    [JsonPropertyName("results")]
    [AllowNull]
    public required IReadOnlyList<AgentSearchResult> Results
    {
        get => _results;
        init => _results = value ?? Array.Empty<AgentSearchResult>();
    }

    /// <summary>Refuses a JSON <c>null</c> inside a list.</summary>
    void IJsonOnDeserialized.OnDeserialized()
    {
        NullItems.Check(_results, "results");
        NullItems.Check(Queries, "queries");
    }
}
