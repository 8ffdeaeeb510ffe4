using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>The agent is searching the web (<c>response.reasoning.search_queries</c>).</summary>
public sealed record AgentReasoningSearchQueriesEvent : AgentStreamEvent, IJsonOnDeserialized
{
    /// <summary>The wire type of this event.</summary>
    public const string WireType = "response.reasoning.search_queries";

    private readonly IReadOnlyList<string> _queries = Array.Empty<string>();

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;

    /// <summary>The queries. A JSON <c>null</c> reads as empty.</summary>
    [JsonPropertyName("queries")]
    [AllowNull]
    public required IReadOnlyList<string> Queries
    {
        get => _queries;
        init => _queries = value ?? Array.Empty<string>();
    }

    /// <summary>The model's thought at this point, when it shares one.</summary>
    [JsonPropertyName("thought")]
    public string? Thought { get; init; }

    /// <summary>Refuses a JSON <c>null</c> inside <see cref="Queries"/>.</summary>
    void IJsonOnDeserialized.OnDeserialized() => NullItems.Check(_queries, "queries");
}
