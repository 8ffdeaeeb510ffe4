using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>The breakdown of output tokens (<c>output_tokens_details</c>; not documented, sent by the live service).</summary>
public sealed record AgentOutputTokensDetails
{
    /// <summary>Output tokens spent reasoning; they count against <c>max_output_tokens</c>.</summary>
    [JsonPropertyName("reasoning_tokens")]
    public long? ReasoningTokens { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
