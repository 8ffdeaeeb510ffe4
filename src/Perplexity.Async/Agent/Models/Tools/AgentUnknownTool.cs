using System;
using System.Text.Json;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>
/// A tool this version of the SDK does not model, sent as the given JSON; a tool the SDK reads with an unknown
/// <c>type</c> becomes one too, and is written back unchanged.
/// </summary>
/// <example>
/// <code>
/// Tools = [new AgentUnknownTool(JsonDocument.Parse("""{"type":"code_review","depth":2}""").RootElement)],
/// </code>
/// </example>
public sealed record AgentUnknownTool : AgentTool
{
    private readonly string _type;

    /// <summary>Wraps a tool's raw JSON object.</summary>
    /// <param name="json">The tool object; its <c>type</c> property names the tool.</param>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not an object with a string <c>type</c>.</exception>
    public AgentUnknownTool(JsonElement json) => (_type, Json) = RawJson.TypedObject(json, "A tool", nameof(json));

    /// <inheritdoc/>
    public override string Type => _type;

    /// <summary>The tool's JSON, written as it is.</summary>
    public JsonElement Json { get; }
}
