using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>The tokens one tool call used (an entry of <see cref="AgentToolCallDetails.TokenUsage"/>; not documented).</summary>
public sealed record AgentToolTokenUsage
{
    /// <summary>The model the tool ran, for example <c>openai/gpt-5-mini</c>.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>Tokens the tool's model read.</summary>
    [JsonPropertyName("input_tokens")]
    public long? InputTokens { get; init; }

    /// <summary>The breakdown of <see cref="InputTokens"/>.</summary>
    [JsonPropertyName("input_tokens_details")]
    public AgentInputTokensDetails? InputTokensDetails { get; init; }

    /// <summary>Tokens the tool's model wrote.</summary>
    [JsonPropertyName("output_tokens")]
    public long? OutputTokens { get; init; }

    /// <summary>The breakdown of <see cref="OutputTokens"/>.</summary>
    [JsonPropertyName("output_tokens_details")]
    public AgentOutputTokensDetails? OutputTokensDetails { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
