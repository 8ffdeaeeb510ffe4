using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>
/// A skill the model may load (an entry of <c>skills</c>; selecting any enables the sandbox). One record for the three
/// kinds, keyed by <see cref="Type"/>: <see cref="Builtin"/> (<c>office</c>, <c>office/docx</c>, <c>office/pdf</c>,
/// <c>office/pptx</c>, <c>office/xlsx</c>), <see cref="Inline"/> (defined in the request) and <see cref="Custom"/> (stored
/// in the organization). Only the members a kind uses are written.
/// </summary>
/// <example>
/// <code>
/// Skills = [AgentSkill.Builtin("office/docx"), AgentSkill.Custom("skill_123")],
/// </code>
/// </example>
public sealed record AgentSkill
{
    private IDictionary<string, JsonElement>? _additionalProperties;

    /// <summary>The skill kind: <c>builtin</c>, <c>inline</c> or <c>custom</c>.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>The skill's name (builtin and inline skills); an inline name is kebab-case, 1 to 64 characters.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>A short description the model sees up front (inline skills; at most 1,024 bytes).</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The instructions the model loads on demand (inline skills; at most 65,536 bytes).</summary>
    [JsonPropertyName("instructions")]
    public string? Instructions { get; init; }

    /// <summary>The stored skill's id, <c>skill_…</c> (custom skills).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The stored skill's revision, or <c>latest</c>; left out, the latest is used (custom skills).</summary>
    [JsonPropertyName("version")]
    public string? Version { get; init; }

    /// <summary>
    /// Properties to send that this version of the SDK does not model, written next to the typed ones; a name a typed
    /// property already writes is refused before the request is sent.
    /// </summary>
    [JsonIgnore]
    public IDictionary<string, JsonElement>? AdditionalProperties
    {
        get => _additionalProperties;
        init => _additionalProperties = value;
    }

    // The serializer binds init-only properties through a constructor, which extension data cannot use; this
    // settable twin over the same field is what it reads and writes.
    [JsonExtensionData]
    [JsonInclude]
    internal IDictionary<string, JsonElement>? ExtensionData
    {
        get => _additionalProperties;
        set => _additionalProperties = value;
    }

    /// <summary>Creates a built-in skill.</summary>
    /// <param name="name"><c>office</c> (all four documents) or one of <c>office/docx</c>, <c>office/pdf</c>, <c>office/pptx</c>, <c>office/xlsx</c>.</param>
    public static AgentSkill Builtin(string name) => new() { Type = "builtin", Name = name };

    /// <summary>Creates a request-scoped skill.</summary>
    /// <param name="name">A kebab-case name, 1 to 64 characters.</param>
    /// <param name="description">What the skill is for (at most 1,024 bytes).</param>
    /// <param name="instructions">The instructions (at most 65,536 bytes).</param>
    public static AgentSkill Inline(string name, string description, string instructions) =>
        new() { Type = "inline", Name = name, Description = description, Instructions = instructions };

    /// <summary>Creates a reference to a skill stored in the organization.</summary>
    /// <param name="id">The skill's id, <c>skill_…</c>.</param>
    /// <param name="version">The revision; left out, the latest is used.</param>
    public static AgentSkill Custom(string id, string? version = null) => new() { Type = "custom", Id = id, Version = version };
}
