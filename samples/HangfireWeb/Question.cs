using System.Text.Json.Serialization;

namespace HangfireWebSample;

/// <summary>The body of <c>POST /questions</c>.</summary>
internal sealed record Question(
    [property: JsonPropertyName("question")] string Text,
    [property: JsonPropertyName("preset")] string? Preset = null);
