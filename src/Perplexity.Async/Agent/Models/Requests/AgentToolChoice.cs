using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>
/// Whether and which tools the model must call (<c>tool_choice</c>): a mode string (<c>none</c>, <c>auto</c>,
/// <c>required</c>) or an object that names a tool (<c>{"type": "web_search"}</c>) or a function
/// (<c>{"name": "my_fn"}</c>). Written back in the form it was read or created in.
/// </summary>
/// <remarks>Documented on the Create Agent Response page only; older schemas and the official SDKs lack it.</remarks>
/// <example>
/// <code>
/// ToolChoice = AgentToolChoice.ForTool("web_search"),   // force a search, for citation-critical answers
/// ToolChoice = "auto",                                  // a mode string converts implicitly
/// </code>
/// </example>
[JsonConverter(typeof(AgentToolChoiceConverter))]
public sealed record AgentToolChoice
{
    private readonly string? _mode;
    private readonly JsonElement _json;

    private AgentToolChoice(string? mode, JsonElement json)
    {
        _mode = mode;
        _json = json;
    }

    /// <summary>The model calls no tool (<c>"none"</c>).</summary>
    public static AgentToolChoice None { get; } = new("none", default);

    /// <summary>The model decides (<c>"auto"</c>, the API's default).</summary>
    public static AgentToolChoice Auto { get; } = new("auto", default);

    /// <summary>The model must call some tool (<c>"required"</c>).</summary>
    public static AgentToolChoice Required { get; } = new("required", default);

    /// <summary>The mode string, or <see langword="null"/> for the object form.</summary>
    public string? Mode => _mode;

    /// <summary>The object form as JSON, or <see langword="null"/> for a mode string.</summary>
    public JsonElement? Json => _mode is null ? _json : null;

    /// <summary>Creates a mode choice.</summary>
    /// <param name="mode"><c>none</c>, <c>auto</c>, <c>required</c>, or a mode the API adds later.</param>
    /// <exception cref="ArgumentNullException"><paramref name="mode"/> is null.</exception>
    public static AgentToolChoice FromMode(string mode) => new(mode ?? throw new ArgumentNullException(nameof(mode)), default);

    /// <summary>Forces a tool type: <c>{"type": "…"}</c>, for example <c>web_search</c> or <c>image_search</c>.</summary>
    /// <param name="type">The tool's <c>type</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="type"/> is null.</exception>
    public static AgentToolChoice ForTool(string type) => new(null, Object("type", type ?? throw new ArgumentNullException(nameof(type))));

    /// <summary>Forces one of the request's function tools: <c>{"name": "…"}</c>.</summary>
    /// <param name="name">The function's name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static AgentToolChoice ForFunction(string name) => new(null, Object("name", name ?? throw new ArgumentNullException(nameof(name))));

    /// <summary>Wraps a choice given as JSON: a string (a mode) or an object, kept as it is.</summary>
    /// <param name="json">A JSON string or object.</param>
    /// <exception cref="ArgumentException"><paramref name="json"/> is neither a string nor an object.</exception>
    public static AgentToolChoice FromJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => new(json.GetString()!, default),
        JsonValueKind.Object => new(null, json.Clone()),
        _ => throw new ArgumentException($"A tool choice is a JSON string or object, not {json.ValueKind}.", nameof(json)),
    };

    /// <summary>Converts a mode string (<c>none</c>, <c>auto</c>, <c>required</c>).</summary>
    public static implicit operator AgentToolChoice(string mode) => FromMode(mode);

    /// <summary>Compares the form and the content; modes ignore case, objects compare their JSON text.</summary>
    public bool Equals(AgentToolChoice? other) =>
        other is not null && (_mode is null
            ? other._mode is null && string.Equals(_json.GetRawText(), other._json.GetRawText(), StringComparison.Ordinal)
            : string.Equals(_mode, other._mode, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc/>
    public override int GetHashCode() => _mode is null
        ? StringComparer.Ordinal.GetHashCode(_json.GetRawText())
        : StringComparer.OrdinalIgnoreCase.GetHashCode(_mode);

    /// <summary>The mode, or the object's JSON text.</summary>
    public override string ToString() => _mode ?? _json.GetRawText();

    private static JsonElement Object(string name, string value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString(name, value);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        return document.RootElement.Clone();
    }
}
