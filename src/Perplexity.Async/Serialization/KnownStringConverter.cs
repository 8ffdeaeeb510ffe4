using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async.Serialization;

/// <summary>
/// Reads a plain string member whose values repeat across a response (a reasoning step's <c>type</c>, a tool call's
/// <c>type</c>) as a shared literal when it is one of the known values, and as a new string otherwise. The member stays
/// a <see cref="string"/> and reads and writes exactly as without the converter; a deep-research result has about a
/// hundred such values, which no longer cost a string each (docs/benchmarks.md).
/// </summary>
internal abstract class KnownStringConverter : JsonConverter<string>
{
    private readonly KnownValueTable<string> _known;

    /// <summary>Declares the known values.</summary>
    /// <param name="known">The wire strings that read as shared literals.</param>
    protected KnownStringConverter(params string[] known)
    {
        _known = new KnownValueTable<string>(known, known);
    }

    /// <inheritdoc />
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            // No message of ours: the serializer then writes its own, with the member's JSON path, exactly as it does
            // for a string member without this converter.
            throw new JsonException();
        }

        return _known.TryMatch(ref reader, out var value) ? value : reader.GetString()!;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
