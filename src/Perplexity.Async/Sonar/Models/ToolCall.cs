using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>A tool call the model made.</summary>
public sealed record ToolCall
{
    /// <summary>The call's id, echoed by the tool's answer in <see cref="ChatMessage.ToolCallId"/>.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The call type; the API sends <c>function</c>.</summary>
    [JsonPropertyName("type")]
    [JsonConverter(typeof(ToolCallTypeConverter))]
    public string? Type { get; init; }

    /// <summary>The function called and its arguments.</summary>
    [JsonPropertyName("function")]
    public ToolCallFunction? Function { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
