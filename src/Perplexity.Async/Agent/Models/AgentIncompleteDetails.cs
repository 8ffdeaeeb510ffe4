using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>Why a run stopped early (<c>incomplete_details</c>).</summary>
public sealed record AgentIncompleteDetails
{
    /// <summary>
    /// The reason: <c>max_output_tokens</c> (the answer hit the token cap, the counterpart of the old
    /// <c>finish_reason: "length"</c>) or <c>cancelled</c>. An open string.
    /// </summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
