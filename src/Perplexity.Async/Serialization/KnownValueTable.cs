using System.Text;
using System.Text.Json;

namespace Perplexity.Async.Serialization;

/// <summary>
/// The wire strings a converter knows, each with the shared instance it reads as: a string token is matched on its
/// UTF-8 bytes, so a known value allocates nothing. Used by <see cref="ExtensibleEnumConverter{T}"/> (the enum's
/// static values) and <see cref="KnownStringConverter"/> (interned literals for plain string members).
/// </summary>
/// <typeparam name="T">What a known value reads as.</typeparam>
internal sealed class KnownValueTable<T>
{
    private readonly byte[][] _utf8;
    private readonly T[] _values;

    /// <summary>Builds the table from each value and its wire string.</summary>
    /// <param name="values">The shared instances.</param>
    /// <param name="wire">The wire string of each instance, in the same order.</param>
    public KnownValueTable(T[] values, string[] wire)
    {
        _values = values;
        _utf8 = new byte[wire.Length][];
        for (var i = 0; i < wire.Length; i++)
        {
            _utf8[i] = Encoding.UTF8.GetBytes(wire[i]);
        }
    }

    /// <summary>Finds the string token under the reader among the known values.</summary>
    /// <param name="reader">A reader on a string token.</param>
    /// <param name="value">The shared instance, when known.</param>
    /// <returns>Whether the token is a known value.</returns>
    public bool TryMatch(ref Utf8JsonReader reader, out T value)
    {
        for (var i = 0; i < _utf8.Length; i++)
        {
            if (reader.ValueTextEquals(_utf8[i]))
            {
                value = _values[i];
                return true;
            }
        }

        value = default!;
        return false;
    }
}
