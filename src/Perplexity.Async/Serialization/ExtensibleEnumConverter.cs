using System;
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
    private readonly KnownValueTable<T> _known;

    protected ExtensibleEnumConverter(params T[] known)
    {
        _known = new KnownValueTable<T>(known, Array.ConvertAll(known, value => value.ToString()!));
    }

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string for {typeof(T).Name} but found {reader.TokenType}.");
        }

        return _known.TryMatch(ref reader, out var value) ? value : Create(reader.GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());

    protected abstract T Create(string value);
}
