using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>A PDF chunk (<c>"type": "pdf_url"</c>).</summary>
public sealed record ChatMessageContentPdfChunk : ChatMessageContentChunk
{
    /// <summary>The wire type of this chunk.</summary>
    public const string WireType = "pdf_url";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    public override string Type => WireType;

    /// <summary>The PDF's address.</summary>
    [JsonPropertyName("pdf_url")]
    public required ContentUrl PdfUrl { get; init; }
}
