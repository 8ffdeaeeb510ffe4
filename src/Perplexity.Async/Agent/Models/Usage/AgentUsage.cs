using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>
/// Tokens, tool calls and cost of a run (<c>usage</c>). <see langword="null"/> on a response while the run is queued or in
/// progress, and on a cancelled run (even though its tools ran); an incomplete run carries it.
/// </summary>
public sealed record AgentUsage : IJsonOnDeserialized
{
    /// <summary>Tokens read by the model.</summary>
    [JsonPropertyName("input_tokens")]
    public required long InputTokens { get; init; }

    /// <summary>Tokens the model wrote, reasoning tokens included.</summary>
    [JsonPropertyName("output_tokens")]
    public required long OutputTokens { get; init; }

    /// <summary>Input plus output tokens.</summary>
    [JsonPropertyName("total_tokens")]
    public required long TotalTokens { get; init; }

    /// <summary>How the input tokens split between cache writes, cache reads and fresh tokens.</summary>
    [JsonPropertyName("input_tokens_details")]
    public AgentInputTokensDetails? InputTokensDetails { get; init; }

    /// <summary>How many of the output tokens were reasoning (not documented; sent by the live service).</summary>
    [JsonPropertyName("output_tokens_details")]
    public AgentOutputTokensDetails? OutputTokensDetails { get; init; }

    /// <summary>
    /// The tools that ran, keyed by their billing name: <c>search_web</c> (for the <c>web_search</c> tool),
    /// <c>search_people</c> (for <c>people_search</c>), <c>fetch_url</c>, <c>finance_search</c>, <c>sandbox</c>.
    /// </summary>
    [JsonPropertyName("tool_calls_details")]
    public IReadOnlyDictionary<string, AgentToolCallDetails>? ToolCallsDetails { get; init; }

    /// <summary>What the run cost, in US dollars.</summary>
    [JsonPropertyName("cost")]
    public AgentCost? Cost { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }

    /// <summary>Refuses a JSON <c>null</c> as a value of <see cref="ToolCallsDetails"/>.</summary>
    void IJsonOnDeserialized.OnDeserialized() => NullValues.Check(ToolCallsDetails, "tool_calls_details");
}
