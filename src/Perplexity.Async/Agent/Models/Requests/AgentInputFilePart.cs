using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>
/// A document (<c>"type": "input_file"</c>), inline as base64 (<see cref="FileData"/>) or by public HTTPS URL
/// (<see cref="FileUrl"/>): exactly one of the two. At most 30 document parts and 50 MiB decoded per request; browser
/// tools are unavailable with document inputs.
/// </summary>
public sealed record AgentInputFilePart : AgentInputContentPart
{
    /// <summary>The wire type of this part.</summary>
    public const string WireType = "input_file";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public override string Type => WireType;

    /// <summary>The file's base name (at most 255 bytes); its extension must match the document type (PDF when absent).</summary>
    [JsonPropertyName("filename")]
    public string? Filename { get; init; }

    /// <summary>The file's content: standard base64 or a base64 <c>data:</c> URI.</summary>
    [JsonPropertyName("file_data")]
    public string? FileData { get; init; }

    /// <summary>A public HTTPS URL the provider fetches.</summary>
    [JsonPropertyName("file_url")]
    public string? FileUrl { get; init; }
}
