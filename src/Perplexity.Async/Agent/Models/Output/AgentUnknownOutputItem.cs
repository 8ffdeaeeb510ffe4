using System;
using System.Text.Json;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>
/// An output item whose <c>type</c> this version of the SDK does not know (for example the API's forward-compatible
/// <c>unknown</c> wrapper, or <c>advisor_result</c> and the <c>sandbox_*_file</c> items the official SDKs list). Its
/// JSON is kept exactly and written back unchanged, so nothing the API adds is lost.
/// </summary>
public sealed record AgentUnknownOutputItem : AgentOutputItem
{
    private readonly string _type;

    /// <summary>Wraps an item's raw JSON object.</summary>
    /// <param name="json">The item object; its <c>type</c> names the item, its <c>id</c> (if a string) becomes <see cref="AgentOutputItem.Id"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not an object with a string <c>type</c>.</exception>
    public AgentUnknownOutputItem(JsonElement json)
    {
        (_type, Json) = RawJson.TypedObject(json, "An output item", nameof(json));
        Id = RawJson.StringProperty(Json, "id");
    }

    /// <inheritdoc/>
    public override string Type => _type;

    /// <summary>The item's JSON, as received; <see cref="AgentOutputItem.AdditionalProperties"/> stays null.</summary>
    public JsonElement Json { get; }
}
