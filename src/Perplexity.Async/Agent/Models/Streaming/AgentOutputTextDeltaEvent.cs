using System.Text.Json.Serialization;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>A piece of answer text (<c>response.output_text.delta</c>): append <see cref="Delta"/> to what came before.</summary>
[JsonConverter(typeof(AgentOutputTextDeltaEventConverter))]
public sealed record AgentOutputTextDeltaEvent : AgentStreamEvent
{
    /// <summary>The wire type of this event.</summary>
    public const string WireType = "response.output_text.delta";

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

    /// <summary>The new text.</summary>
    [JsonPropertyName("delta")]
    public required string Delta { get; init; }
}
