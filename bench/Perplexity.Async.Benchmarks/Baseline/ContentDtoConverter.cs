using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async.Benchmarks.Baseline;

public sealed class ContentDtoConverter : JsonConverter<ContentDto>
{
    public override ContentDto Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => new ContentDto { Text = reader.GetString() },
            JsonTokenType.StartArray => new ContentDto { Parts = JsonSerializer.Deserialize(ref reader, BaselineJsonContext.Default.ListContentPartDto) },
            _ => throw new JsonException($"Unexpected {reader.TokenType} for content."),
        };

    public override void Write(Utf8JsonWriter writer, ContentDto value, JsonSerializerOptions options) =>
        throw new NotSupportedException("The baseline only reads.");
}
