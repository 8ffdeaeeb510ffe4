using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>The agent loaded a skill (<c>response.skill.loaded</c>; known from the official TypeScript SDK).</summary>
public sealed record AgentSkillLoadedEvent : AgentStreamEvent
{
    /// <summary>The wire type of this event.</summary>
    public const string WireType = "response.skill.loaded";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;

    /// <summary>The skill's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }
}
