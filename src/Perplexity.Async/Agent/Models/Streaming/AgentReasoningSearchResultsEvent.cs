using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>Web search results arrived (<c>response.reasoning.search_results</c>).</summary>
public sealed record AgentReasoningSearchResultsEvent : AgentStreamEvent, IJsonOnDeserialized
{
    /// <summary>The wire type of this event.</summary>
    public const string WireType = "response.reasoning.search_results";

    private readonly IReadOnlyList<AgentSearchResult> _results = Array.Empty<AgentSearchResult>();

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;

    /// <summary>The pages found. A JSON <c>null</c> reads as empty.</summary>
    [JsonPropertyName("results")]
    [AllowNull]
    public required IReadOnlyList<AgentSearchResult> Results
    {
        get => _results;
        init => _results = value ?? Array.Empty<AgentSearchResult>();
    }

    /// <summary>The usage so far, when reported.</summary>
    [JsonPropertyName("usage")]
    public AgentUsage? Usage { get; init; }

    /// <summary>The model's thought at this point, when it shares one.</summary>
    [JsonPropertyName("thought")]
    public string? Thought { get; init; }

    /// <summary>Refuses a JSON <c>null</c> inside <see cref="Results"/>.</summary>
    void IJsonOnDeserialized.OnDeserialized() => NullItems.Check(_results, "results");
}
