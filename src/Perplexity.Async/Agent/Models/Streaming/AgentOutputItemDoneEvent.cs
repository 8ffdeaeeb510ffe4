using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>An output item is complete (<c>response.output_item.done</c>).</summary>
public sealed record AgentOutputItemDoneEvent : AgentStreamEvent
{
    /// <summary>The wire type of this event.</summary>
    public const string WireType = "response.output_item.done";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;

    /// <summary>The item's position in the run's <c>output</c>.</summary>
    [JsonPropertyName("output_index")]
    public required int OutputIndex { get; init; }

    /// <summary>The item.</summary>
    [JsonPropertyName("item")]
    public required AgentOutputItem Item { get; init; }
}
