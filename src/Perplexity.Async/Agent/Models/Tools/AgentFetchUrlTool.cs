using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>Reading web pages (<c>"type": "fetch_url"</c>). Its calls appear as <see cref="AgentFetchUrlResultsOutputItem"/>s.</summary>
public sealed record AgentFetchUrlTool : AgentTool
{
    /// <summary>The wire type of this tool.</summary>
    public const string WireType = "fetch_url";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public override string Type => WireType;

    /// <summary>The most URLs fetched per call, 1 to 10.</summary>
    [JsonPropertyName("max_urls")]
    public int? MaxUrls { get; init; }
}
