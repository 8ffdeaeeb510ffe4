using System;
using System.Text.Json;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>
/// An output content part whose <c>type</c> this version of the SDK does not know. Its JSON is kept exactly and
/// written back unchanged.
/// </summary>
public sealed record AgentUnknownOutputContentPart : AgentOutputContentPart
{
    private readonly string _type;

    /// <summary>Wraps a part's raw JSON object.</summary>
    /// <param name="json">The part object; its <c>type</c> property names the part.</param>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not an object with a string <c>type</c>.</exception>
    public AgentUnknownOutputContentPart(JsonElement json) => (_type, Json) = RawJson.TypedObject(json, "A content part", nameof(json));

    /// <inheritdoc/>
    public override string Type => _type;

    /// <summary>The part's JSON, as received.</summary>
    public JsonElement Json { get; }
}
