using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// The results of one <c>finance_search</c> call (<c>"type": "finance_results"</c>): structured market data, without URLs, so a
/// finance-only answer has no citation URLs.
/// </summary>
public sealed record AgentFinanceResultsOutputItem : AgentOutputItem, IJsonOnDeserialized
{
    /// <summary>The wire type of this item.</summary>
    public const string WireType = "finance_results";

    private readonly IReadOnlyList<AgentFinanceResult> _results = Array.Empty<AgentFinanceResult>();

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;

    /// <summary>The finance categories the tool was asked for (for example <c>quote</c>).</summary>
    [JsonPropertyName("categories")]
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>The ticker symbols the tool was asked for.</summary>
    [JsonPropertyName("tickers")]
    public IReadOnlyList<string>? Tickers { get; init; }

    /// <summary>The structured results, one per category and ticker set. A JSON <c>null</c> reads as empty.</summary>
    [JsonPropertyName("results")]
    [AllowNull]
    public required IReadOnlyList<AgentFinanceResult> Results
    {
        get => _results;
        init => _results = value ?? Array.Empty<AgentFinanceResult>();
    }

    /// <summary>Refuses a JSON <c>null</c> inside a list.</summary>
    void IJsonOnDeserialized.OnDeserialized()
    {
        NullItems.Check(_results, "results");
        NullItems.Check(Categories, "categories");
        NullItems.Check(Tickers, "tickers");
    }
}
