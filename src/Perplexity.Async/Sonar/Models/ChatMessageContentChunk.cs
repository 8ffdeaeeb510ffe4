using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// One chunk of structured message content. The set is closed and keyed by <see cref="Type"/>:
/// <see cref="ChatMessageContentTextChunk"/>, <see cref="ChatMessageContentImageChunk"/>,
/// <see cref="ChatMessageContentFileChunk"/>, <see cref="ChatMessageContentPdfChunk"/>,
/// <see cref="ChatMessageContentVideoChunk"/>, and <see cref="ChatMessageContentUnknownChunk"/> for a type this
/// version of the SDK does not know (its JSON is kept as received).
/// </summary>
[JsonConverter(typeof(ChatMessageContentChunkConverter))]
public abstract record ChatMessageContentChunk
{
    private protected ChatMessageContentChunk()
    {
    }

    /// <summary>The chunk's <c>type</c> on the wire, for example <c>text</c> or <c>image_url</c>.</summary>
    [JsonPropertyName("type")]
    public abstract string Type { get; }
}
