using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>
/// A file the sandbox shared (<c>"type": "share_file"</c>; known from the official TypeScript SDK). The file is then
/// listed by <c>GET /v1/agent/{id}/files</c>.
/// </summary>
public sealed record AgentShareFileOutputItem : AgentOutputItem
{
    /// <summary>The wire type of this item.</summary>
    public const string WireType = "share_file";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;

    /// <summary>The tool call that shared the file.</summary>
    [JsonPropertyName("call_id")]
    public required string CallId { get; init; }

    /// <summary>The file's id, for downloading it.</summary>
    [JsonPropertyName("file_id")]
    public string? FileId { get; init; }

    /// <summary>The file's name.</summary>
    [JsonPropertyName("filename")]
    public string? Filename { get; init; }

    /// <summary>The file's size in bytes.</summary>
    [JsonPropertyName("size_bytes")]
    public long? SizeBytes { get; init; }

    /// <summary>Where the file can be downloaded.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>Why sharing failed, if it did.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }
}
