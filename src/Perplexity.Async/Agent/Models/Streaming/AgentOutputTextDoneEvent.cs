using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>A text part is complete (<c>response.output_text.done</c>), with its whole text.</summary>
public sealed record AgentOutputTextDoneEvent : AgentStreamEvent
{
    /// <summary>The wire type of this event.</summary>
    public const string WireType = "response.output_text.done";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;

    /// <summary>The id of the message item the text belongs to.</summary>
    [JsonPropertyName("item_id")]
    public required string ItemId { get; init; }

    /// <summary>The message item's position in the run's <c>output</c>.</summary>
    [JsonPropertyName("output_index")]
    public required int OutputIndex { get; init; }

    /// <summary>The content part's position in the message's <c>content</c>.</summary>
    [JsonPropertyName("content_index")]
    public required int ContentIndex { get; init; }

    /// <summary>The part's whole text.</summary>
    [JsonPropertyName("text")]
    public required string Text { get; init; }
}
