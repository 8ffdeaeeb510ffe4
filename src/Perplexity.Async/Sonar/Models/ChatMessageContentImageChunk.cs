using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>An image chunk (<c>"type": "image_url"</c>).</summary>
public sealed record ChatMessageContentImageChunk : ChatMessageContentChunk
{
    /// <summary>The wire type of this chunk.</summary>
    public const string WireType = "image_url";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    public override string Type => WireType;

    /// <summary>The image's address (an http(s) URL or a base64 data URI).</summary>
    [JsonPropertyName("image_url")]
    public required ContentUrl ImageUrl { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost, and written back.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
