using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// A message's content, which the API sends either as a plain string or as a list of chunks (text, image, file,
/// PDF, video). Both views are always available: <see cref="Text"/> and <see cref="Parts"/>.
/// </summary>
/// <example>
/// <code>
/// MessageContent question = "What changed in .NET 10?";          // plain text
/// MessageContent withImage = MessageContent.FromParts(
///     new ChatMessageContentTextChunk { Text = "What is in this picture?" },
///     new ChatMessageContentImageChunk { ImageUrl = ContentUrl.FromUrl("https://example.com/a.png") });
/// </code>
/// </example>
[JsonConverter(typeof(MessageContentConverter))]
public sealed record MessageContent
{
    private readonly string? _text;
    private readonly IReadOnlyList<ChatMessageContentChunk>? _parts;

    private MessageContent(string? text, IReadOnlyList<ChatMessageContentChunk>? parts)
    {
        _text = text;
        _parts = parts;
    }

    /// <summary>Creates string content.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static MessageContent FromText(string text) =>
        new(text ?? throw new ArgumentNullException(nameof(text)), null);

    /// <summary>Creates chunked content.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="parts"/> or one of its items is null.</exception>
    public static MessageContent FromParts(params ChatMessageContentChunk[] parts) =>
        FromParts((IEnumerable<ChatMessageContentChunk>)parts);

    /// <summary>Creates chunked content.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="parts"/> or one of its items is null.</exception>
    public static MessageContent FromParts(IEnumerable<ChatMessageContentChunk> parts)
    {
        if (parts is null)
        {
            throw new ArgumentNullException(nameof(parts));
        }

        var list = new List<ChatMessageContentChunk>(parts);
        if (list.Contains(null!))
        {
            throw new ArgumentNullException(nameof(parts), "A content part is null.");
        }

        return new(null, list);
    }

    /// <summary>Wraps a list the deserializer has just built and checked, without copying it again.</summary>
    internal static MessageContent FromOwnedParts(List<ChatMessageContentChunk> parts) => new(null, parts);

    /// <summary><see langword="true"/> when the content was a plain string on the wire.</summary>
    public bool IsText => _parts is null;

    /// <summary>
    /// The content as text: the string itself, or the text chunks concatenated in order (other chunks are
    /// skipped).
    /// </summary>
    public string Text => _text ?? JoinText(_parts!);

    /// <summary>
    /// The content as chunks: the chunk list, or a single <see cref="ChatMessageContentTextChunk"/> for string
    /// content.
    /// </summary>
    public IReadOnlyList<ChatMessageContentChunk> Parts =>
        _parts ?? new ChatMessageContentChunk[] { new ChatMessageContentTextChunk { Text = _text! } };

    /// <summary>Converts a string to text content.</summary>
    public static implicit operator MessageContent(string text) => FromText(text);

    /// <summary>Returns <see cref="Text"/>.</summary>
    public override string ToString() => Text;

    /// <summary>Compares the form and the content.</summary>
    public bool Equals(MessageContent? other)
    {
        if (other is null)
        {
            return false;
        }

        if (_parts is null || other._parts is null)
        {
            return _parts is null && other._parts is null && string.Equals(_text, other._text, StringComparison.Ordinal);
        }

        if (_parts.Count != other._parts.Count)
        {
            return false;
        }

        for (var i = 0; i < _parts.Count; i++)
        {
            if (!Equals(_parts[i], other._parts[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override int GetHashCode() => _text is null ? _parts!.Count : StringComparer.Ordinal.GetHashCode(_text);

    private static string JoinText(IReadOnlyList<ChatMessageContentChunk> parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            if (part is ChatMessageContentTextChunk text)
            {
                builder.Append(text.Text);
            }
        }

        return builder.ToString();
    }
}
