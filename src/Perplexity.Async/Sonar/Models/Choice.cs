using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>One answer of a completion.</summary>
public sealed record Choice
{
    /// <summary>The answer's position in <see cref="CompletionResponse.Choices"/>.</summary>
    [JsonPropertyName("index")]
    public required int Index { get; init; }

    /// <summary>The answer.</summary>
    [JsonPropertyName("message")]
    public required ChatMessage Message { get; init; }

    /// <summary>
    /// The last streamed delta. The schema marks it required, but it only matters for streaming, so a payload
    /// without it is accepted.
    /// </summary>
    [JsonPropertyName("delta")]
    public ChatMessage? Delta { get; init; }

    /// <summary>Why the model stopped, when known.</summary>
    [JsonPropertyName("finish_reason")]
    public FinishReason? FinishReason { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
