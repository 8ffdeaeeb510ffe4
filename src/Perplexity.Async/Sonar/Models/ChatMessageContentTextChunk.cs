using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>A text chunk (<c>"type": "text"</c>).</summary>
public sealed record ChatMessageContentTextChunk : ChatMessageContentChunk
{
    /// <summary>The wire type of this chunk.</summary>
    public const string WireType = "text";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    public override string Type => WireType;

    /// <summary>The text.</summary>
    [JsonPropertyName("text")]
    public required string Text { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost, and written back.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
