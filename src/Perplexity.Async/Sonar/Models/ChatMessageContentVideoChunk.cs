using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>A video chunk (<c>"type": "video_url"</c>).</summary>
public sealed record ChatMessageContentVideoChunk : ChatMessageContentChunk
{
    /// <summary>The wire type of this chunk.</summary>
    public const string WireType = "video_url";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    public override string Type => WireType;

    /// <summary>The video's address and sampling interval.</summary>
    [JsonPropertyName("video_url")]
    public required VideoContentUrl VideoUrl { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost, and written back.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
