using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// Where the model stops generating (<c>stop</c>): one string or a list of strings. Serializes in the form it was
/// created with.
/// </summary>
/// <example>
/// <code>
/// StopSequences one = "###";
/// StopSequences many = new[] { "###", "END" };
/// </code>
/// </example>
[JsonConverter(typeof(StopSequencesConverter))]
public sealed record StopSequences
{
    private readonly string[] _values;

    private StopSequences(string[] values, bool isSingle)
    {
        _values = values;
        IsSingle = isSingle;
    }

    /// <summary><see langword="true"/> when written as one JSON string rather than an array.</summary>
    public bool IsSingle { get; }

    /// <summary>The stop sequences, one item when <see cref="IsSingle"/>.</summary>
    public IReadOnlyList<string> Values => _values;

    /// <summary>Creates a single stop sequence, written as a JSON string.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static StopSequences FromString(string value) =>
        new(new[] { value ?? throw new ArgumentNullException(nameof(value)) }, isSingle: true);

    /// <summary>Creates a list of stop sequences, written as a JSON array.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> or one of its items is null.</exception>
    public static StopSequences FromList(IEnumerable<string> values)
    {
        if (values is null)
        {
            throw new ArgumentNullException(nameof(values));
        }

        var array = values.ToArray();
        if (Array.IndexOf(array, null) >= 0)
        {
            throw new ArgumentNullException(nameof(values), "A stop sequence is null.");
        }

        return new(array, isSingle: false);
    }

    /// <summary>Converts one string.</summary>
    public static implicit operator StopSequences(string value) => FromString(value);

    /// <summary>Converts an array of strings.</summary>
    public static implicit operator StopSequences(string[] values) => FromList(values);

    /// <summary>Compares the form and the sequences.</summary>
    public bool Equals(StopSequences? other) =>
        other is not null && IsSingle == other.IsSingle && _values.SequenceEqual(other._values, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => _values.Length == 0 ? 0 : StringComparer.Ordinal.GetHashCode(_values[0]) ^ _values.Length;

    /// <summary>The sequences, comma-separated.</summary>
    public override string ToString() => string.Join(", ", _values);
}
