using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async.Serialization.Agent;

/// <summary>
/// Reads an echoed request setting that the envelope keeps as raw JSON (<c>text</c>, <c>tools</c>). The values every
/// poll of a run repeats (<c>{"format":{"type":"text"}}</c>, <c>[]</c>, <c>{}</c>) read as one shared, immutable
/// element instead of a parsed document each (about 450 bytes a poll); anything else is parsed as before. A
/// <see cref="JsonElement"/> is a read-only view, so sharing one is safe; the written JSON is the same either way.
/// </summary>
internal sealed class AgentEchoConverter : JsonConverter<JsonElement?>
{
    private static readonly SharedValue[] Common =
    [
        new("""{"format":{"type":"text"}}"""),
        new("[]"),
        new("{}"),
    ];

    /// <summary>Also called for a JSON <c>null</c>, which reads as <see langword="null"/>, as without the converter.</summary>
    public override bool HandleNull => true;

    public override JsonElement? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        foreach (var common in Common)
        {
            // TrySkip, not Skip: Skip refuses a reader over a partial stream buffer, even when the value is whole.
            if (common.Matches(reader) && reader.TrySkip())
            {
                return common.Element;
            }
        }

        return JsonElement.ParseValue(ref reader);
    }

    public override void Write(Utf8JsonWriter writer, JsonElement? value, JsonSerializerOptions options)
    {
        if (value is { } element)
        {
            element.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>One common value: its element, and its tokens to compare a reader's value with.</summary>
    private sealed class SharedValue
    {
        private readonly byte[] _utf8;

        public SharedValue(string json)
        {
            _utf8 = Encoding.UTF8.GetBytes(json);
            using var document = JsonDocument.Parse(_utf8);
            Element = document.RootElement.Clone();
        }

        public JsonElement Element { get; }

        /// <summary>
        /// Whether the value under <paramref name="input"/> (a copy: the caller's reader does not move) has the same
        /// tokens, names and strings compared unescaped. The serializer hands a custom converter the whole value
        /// buffered, so the copy never runs out of data.
        /// </summary>
        public bool Matches(Utf8JsonReader input)
        {
            var expected = new Utf8JsonReader(_utf8);
            expected.Read();
            while (true)
            {
                if (input.TokenType != expected.TokenType)
                {
                    return false;
                }

                if (input.TokenType is JsonTokenType.PropertyName or JsonTokenType.String
                    && !input.ValueTextEquals(expected.ValueSpan))
                {
                    return false;
                }

                if (!expected.Read())
                {
                    return true;
                }

                if (!input.Read())
                {
                    return false;
                }
            }
        }
    }
}
