using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>How often one tool ran and what it cost (a value of <see cref="AgentUsage.ToolCallsDetails"/>).</summary>
public sealed record AgentToolCallDetails : IJsonOnDeserialized
{
    /// <summary>How many times the tool ran.</summary>
    [JsonPropertyName("invocation")]
    public long? Invocation { get; init; }

    /// <summary>The tool's accumulated charge in US dollars, when the API attributes one directly.</summary>
    [JsonPropertyName("cost_usd")]
    public decimal? CostUsd { get; init; }

    /// <summary>
    /// The tokens each call of the tool used, when the tool runs a model itself (seen under <c>fetch_url</c>; not
    /// documented).
    /// </summary>
    [JsonPropertyName("token_usage")]
    public IReadOnlyList<AgentToolTokenUsage>? TokenUsage { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }

    /// <summary>Refuses a JSON <c>null</c> inside <see cref="TokenUsage"/>.</summary>
    void IJsonOnDeserialized.OnDeserialized() => NullItems.Check(TokenUsage, "token_usage");
}
