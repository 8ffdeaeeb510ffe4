using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>Image search (<c>"type": "image_search"</c>); force it with <c>AgentToolChoice.ForTool("image_search")</c>.</summary>
public sealed record AgentImageSearchTool : AgentTool
{
    /// <summary>The wire type of this tool.</summary>
    public const string WireType = "image_search";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public override string Type => WireType;

    /// <summary>The most images per call, 1 to 30 (the API's default is 5).</summary>
    [JsonPropertyName("max_results")]
    public int? MaxResults { get; init; }

    /// <summary>Domain, format and safe-search filters.</summary>
    [JsonPropertyName("filters")]
    public AgentImageSearchFilters? Filters { get; init; }
}
