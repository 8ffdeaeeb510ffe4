using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>One structured result of the <c>finance_search</c> tool.</summary>
public sealed record AgentFinanceResult : IJsonOnDeserialized
{
    /// <summary>The finance category, for example <c>quote</c>.</summary>
    [JsonPropertyName("category")]
    public required string Category { get; init; }

    /// <summary>The content, typically a Markdown table or snippet.</summary>
    [JsonPropertyName("content")]
    public required string Content { get; init; }

    /// <summary>The source URLs behind the content.</summary>
    [JsonPropertyName("sources")]
    public IReadOnlyList<string>? Sources { get; init; }

    /// <summary>The ticker symbols the result is about.</summary>
    [JsonPropertyName("tickers")]
    public IReadOnlyList<string>? Tickers { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }

    /// <summary>Refuses a JSON <c>null</c> inside a list.</summary>
    void IJsonOnDeserialized.OnDeserialized()
    {
        NullItems.Check(Sources, "sources");
        NullItems.Check(Tickers, "tickers");
    }
}
