using System;
using System.Text.Json;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>
/// An input item this version of the SDK does not model (for example a <c>reasoning</c> item), sent as the given JSON;
/// an item the SDK reads with an unknown <c>type</c> becomes one too, and is written back unchanged.
/// </summary>
public sealed record AgentUnknownInputItem : AgentInputItem
{
    private readonly string _type;

    /// <summary>Wraps an item's raw JSON object.</summary>
    /// <param name="json">The item object; its <c>type</c> property names the item.</param>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not an object with a string <c>type</c>.</exception>
    public AgentUnknownInputItem(JsonElement json) => (_type, Json) = RawJson.TypedObject(json, "An input item", nameof(json));

    /// <inheritdoc/>
    public override string Type => _type;

    /// <summary>The item's JSON, written as it is.</summary>
    public JsonElement Json { get; }
}
