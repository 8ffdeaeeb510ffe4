using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async.Serialization;

/// <summary>
/// Reads and writes an extensible enum as its wire string. Known values are matched on the UTF-8 bytes and
/// return the shared static instance, so the common case allocates nothing.
/// </summary>
internal abstract class ExtensibleEnumConverter<T> : JsonConverter<T>
    where T : struct
{
    private readonly byte[][] _knownUtf8;
    private readonly T[] _known;

    protected ExtensibleEnumConverter(params T[] known)
    {
        _known = known;
        _knownUtf8 = new byte[known.Length][];
        for (var i = 0; i < known.Length; i++)
        {
            _knownUtf8[i] = Encoding.UTF8.GetBytes(known[i].ToString()!);
        }
    }

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string for {typeof(T).Name} but found {reader.TokenType}.");
        }

        for (var i = 0; i < _knownUtf8.Length; i++)
        {
            if (reader.ValueTextEquals(_knownUtf8[i]))
            {
                return _known[i];
            }
        }

        return Create(reader.GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());

    protected abstract T Create(string value);
}
