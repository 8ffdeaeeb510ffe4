using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>
/// The content of an input message, or the output of a function call: a plain string or a list of parts (text,
/// image, file). Both views are always available: <see cref="Text"/> and <see cref="Parts"/>.
/// </summary>
/// <example>
/// <code>
/// AgentInputContent question = "What is in this picture?";        // a string converts implicitly
/// AgentInputContent withImage =
///     [new AgentInputTextPart { Text = "What is in this picture?" }, new AgentInputImagePart { ImageUrl = "https://example.com/a.png" }];
/// </code>
/// </example>
[JsonConverter(typeof(AgentInputContentConverter))]
[CollectionBuilder(typeof(AgentInputContent), nameof(Create))]
public sealed record AgentInputContent
{
    private readonly string? _text;
    private readonly IReadOnlyList<AgentInputContentPart>? _parts;

    private AgentInputContent(string? text, IReadOnlyList<AgentInputContentPart>? parts)
    {
        _text = text;
        _parts = parts;
    }

    /// <summary><see langword="true"/> when the content is a plain string.</summary>
    public bool IsText => _parts is null;

    /// <summary>The content as text: the string itself, or the text parts joined in order (other parts skipped).</summary>
    public string Text
    {
        get
        {
            if (_parts is null)
            {
                return _text!;
            }

            var builder = new StringBuilder();
            foreach (var part in _parts)
            {
                if (part is AgentInputTextPart text)
                {
                    builder.Append(text.Text);
                }
            }

            return builder.ToString();
        }
    }

    /// <summary>The content as parts: the list, or a single <see cref="AgentInputTextPart"/> for string content.</summary>
    public IReadOnlyList<AgentInputContentPart> Parts =>
        _parts ?? new AgentInputContentPart[] { new AgentInputTextPart { Text = _text! } };

    /// <summary>Creates string content.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static AgentInputContent FromText(string text) => new(text ?? throw new ArgumentNullException(nameof(text)), null);

    /// <summary>Creates content from parts.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="parts"/> or one of its parts is null.</exception>
    public static AgentInputContent FromParts(params AgentInputContentPart[] parts) => FromParts((IEnumerable<AgentInputContentPart>)parts);

    /// <summary>Creates content from parts.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="parts"/> or one of its parts is null.</exception>
    public static AgentInputContent FromParts(IEnumerable<AgentInputContentPart> parts)
    {
        if (parts is null)
        {
            throw new ArgumentNullException(nameof(parts));
        }

        var list = new List<AgentInputContentPart>(parts);
        return list.Contains(null!) ? throw new ArgumentNullException(nameof(parts), "A content part is null.") : new(null, list);
    }

    /// <summary>Creates content from a collection expression (<c>Content = [part1, part2]</c>).</summary>
    /// <exception cref="ArgumentNullException">One of <paramref name="parts"/> is null.</exception>
    public static AgentInputContent Create(ReadOnlySpan<AgentInputContentPart> parts) => FromParts(parts.ToArray());

    /// <summary>Wraps a list the deserializer has just built and checked, without copying it again.</summary>
    internal static AgentInputContent FromOwnedParts(List<AgentInputContentPart> parts) => new(null, parts);

    /// <summary>Converts a string to string content.</summary>
    public static implicit operator AgentInputContent(string text) => FromText(text);

    /// <summary>Enumerates <see cref="Parts"/>; this is what lets a collection expression build the content.</summary>
    public IEnumerator<AgentInputContentPart> GetEnumerator() => Parts.GetEnumerator();

    /// <summary>Compares the form and the content.</summary>
    public bool Equals(AgentInputContent? other) =>
        other is not null && (_parts is null || other._parts is null
            ? _parts is null && other._parts is null && string.Equals(_text, other._text, StringComparison.Ordinal)
            : Sequences.Equal(_parts, other._parts));

    /// <inheritdoc/>
    public override int GetHashCode() => _text is null ? _parts!.Count : StringComparer.Ordinal.GetHashCode(_text);

    /// <summary>Returns <see cref="Text"/>.</summary>
    public override string ToString() => Text;
}
