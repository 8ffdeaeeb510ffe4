using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async.Serialization;

internal sealed class StringOrIntegerConverter : JsonConverter<StringOrInteger>
{
    public override StringOrInteger Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => new StringOrInteger(reader.GetString()!),
            JsonTokenType.Number when reader.TryGetInt64(out var value) => new StringOrInteger(value),
            _ => throw new JsonException($"Expected a string or an integer but found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, StringOrInteger value, JsonSerializerOptions options)
    {
        if (value.IsInteger)
        {
            writer.WriteNumberValue(value.IntegerValue!.Value);
        }
        else
        {
            writer.WriteStringValue(value.StringValue);
        }
    }
}
