using System;
using System.Text.Json;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>
/// An input content part this version of the SDK does not model, sent as the given JSON; a part the SDK reads with an
/// unknown <c>type</c> becomes one too, and is written back unchanged.
/// </summary>
public sealed record AgentUnknownInputContentPart : AgentInputContentPart
{
    private readonly string _type;

    /// <summary>Wraps a part's raw JSON object.</summary>
    /// <param name="json">The part object; its <c>type</c> property names the part.</param>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not an object with a string <c>type</c>.</exception>
    public AgentUnknownInputContentPart(JsonElement json) => (_type, Json) = RawJson.TypedObject(json, "A content part", nameof(json));

    /// <inheritdoc/>
    public override string Type => _type;

    /// <summary>The part's JSON, written as it is.</summary>
    public JsonElement Json { get; }
}
