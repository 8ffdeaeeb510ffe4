using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>
/// A skill the agent loaded during the run (<c>"type": "skill_loaded"</c>; known from the official TypeScript SDK).
/// </summary>
public sealed record AgentSkillLoadedOutputItem : AgentOutputItem
{
    /// <summary>The wire type of this item.</summary>
    public const string WireType = "skill_loaded";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;

    /// <summary>The skill's name, for example <c>office/docx</c>.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }
}
