using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>The breakdown of input tokens (<c>input_tokens_details</c>). Every member is optional: the keys are sparse.</summary>
public sealed record AgentInputTokensDetails
{
    /// <summary>Tokens written to the prompt cache.</summary>
    [JsonPropertyName("cache_creation_input_tokens")]
    public long? CacheCreationInputTokens { get; init; }

    /// <summary>Tokens read from the prompt cache.</summary>
    [JsonPropertyName("cache_read_input_tokens")]
    public long? CacheReadInputTokens { get; init; }

    /// <summary>Cached input tokens, in the OpenAI style (not documented; sent by the live service).</summary>
    [JsonPropertyName("cached_tokens")]
    public long? CachedTokens { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
