using System.Collections.Generic;
using System.Text.Json;
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

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost, and written back.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
