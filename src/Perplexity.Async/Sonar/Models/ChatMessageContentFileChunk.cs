using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>A file chunk (<c>"type": "file_url"</c>).</summary>
public sealed record ChatMessageContentFileChunk : ChatMessageContentChunk
{
    /// <summary>The wire type of this chunk.</summary>
    public const string WireType = "file_url";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    public override string Type => WireType;

    /// <summary>The file's address (an http(s) URL or base64 content).</summary>
    [JsonPropertyName("file_url")]
    public required ContentUrl FileUrl { get; init; }

    /// <summary>The file's name, if given.</summary>
    [JsonPropertyName("file_name")]
    public string? FileName { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost, and written back.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
