using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>
/// What the run works on (<c>input</c>): a plain string (one user turn) or a list of input items (messages,
/// function calls and their outputs). Both views are always available: <see cref="Text"/> and <see cref="Items"/>.
/// </summary>
/// <example>
/// <code>
/// Input = "Compare heat pumps and gas boilers.",                       // a string converts implicitly
/// Input = [AgentInputItem.SystemMessage("Answer briefly."), AgentInputItem.UserMessage("Why is the sky blue?")],
/// </code>
/// </example>
[JsonConverter(typeof(AgentInputConverter))]
[CollectionBuilder(typeof(AgentInput), nameof(Create))]
public sealed record AgentInput
{
    private readonly string? _text;
    private readonly IReadOnlyList<AgentInputItem>? _items;

    private AgentInput(string? text, IReadOnlyList<AgentInputItem>? items)
    {
        _text = text;
        _items = items;
    }

    /// <summary><see langword="true"/> when the input is a plain string.</summary>
    public bool IsText => _items is null;

    /// <summary>The string input, or <see langword="null"/> when the input is a list of items.</summary>
    public string? Text => _text;

    /// <summary>
    /// The input as items: the list, or a single user message holding the string. An empty list stays empty (the API
    /// refuses it, and so does the SDK before sending).
    /// </summary>
    public IReadOnlyList<AgentInputItem> Items =>
        _items ?? new AgentInputItem[] { AgentInputItem.UserMessage(_text!) };

    /// <summary>Creates string input: one user turn.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static AgentInput FromText(string text) => new(text ?? throw new ArgumentNullException(nameof(text)), null);

    /// <summary>Creates item input.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or one of its items is null.</exception>
    public static AgentInput FromItems(params AgentInputItem[] items) => FromItems((IEnumerable<AgentInputItem>)items);

    /// <summary>Creates item input.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or one of its items is null.</exception>
    public static AgentInput FromItems(IEnumerable<AgentInputItem> items)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        var list = new List<AgentInputItem>(items);
        return list.Contains(null!) ? throw new ArgumentNullException(nameof(items), "An input item is null.") : new(null, list);
    }

    /// <summary>Creates item input from a collection expression (<c>Input = [item1, item2]</c>).</summary>
    /// <exception cref="ArgumentNullException">One of <paramref name="items"/> is null.</exception>
    public static AgentInput Create(ReadOnlySpan<AgentInputItem> items) => FromItems(items.ToArray());

    /// <summary>Wraps a list the deserializer has just built and checked, without copying it again.</summary>
    internal static AgentInput FromOwnedItems(List<AgentInputItem> items) => new(null, items);

    /// <summary>Converts a string to string input.</summary>
    public static implicit operator AgentInput(string text) => FromText(text);

    /// <summary>Enumerates <see cref="Items"/>; this is what lets a collection expression build the input.</summary>
    public IEnumerator<AgentInputItem> GetEnumerator() => Items.GetEnumerator();

    /// <summary>Compares the form and the content.</summary>
    public bool Equals(AgentInput? other) =>
        other is not null && (_items is null || other._items is null
            ? _items is null && other._items is null && string.Equals(_text, other._text, StringComparison.Ordinal)
            : Sequences.Equal(_items, other._items));

    /// <inheritdoc/>
    public override int GetHashCode() => _text is null ? _items!.Count : StringComparer.Ordinal.GetHashCode(_text);

    /// <summary>The string input, or the number of items.</summary>
    public override string ToString() => _text ?? $"{_items!.Count} input items";
}
