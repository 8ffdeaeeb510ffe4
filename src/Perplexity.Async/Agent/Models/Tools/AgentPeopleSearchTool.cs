using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>People search (<c>"type": "people_search"</c>), billed as <c>search_people</c>.</summary>
public sealed record AgentPeopleSearchTool : AgentTool
{
    /// <summary>The wire type of this tool.</summary>
    public const string WireType = "people_search";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public override string Type => WireType;
}
