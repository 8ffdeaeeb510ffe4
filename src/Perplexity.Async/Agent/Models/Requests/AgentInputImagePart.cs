using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>An image (<c>"type": "input_image"</c>), by HTTPS URL or as a base64 data URI.</summary>
public sealed record AgentInputImagePart : AgentInputContentPart
{
    /// <summary>The wire type of this part.</summary>
    public const string WireType = "input_image";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public override string Type => WireType;

    /// <summary>An HTTPS URL or a <c>data:</c> URI, at most 2,048 characters.</summary>
    [JsonPropertyName("image_url")]
    public required string ImageUrl { get; init; }

    /// <summary>
    /// <c>low</c>, <c>high</c> or <c>auto</c>: accepted in function-call outputs for OpenAI replay compatibility and
    /// ignored by the API.
    /// </summary>
    [JsonPropertyName("detail")]
    public string? Detail { get; init; }
}
