using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async.Benchmarks.Baseline;

public sealed class UrlDtoConverter : JsonConverter<UrlDto>
{
    public override UrlDto Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new UrlDto { Url = reader.GetString()! };
        }

        var url = new UrlDto();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isUrl = reader.ValueTextEquals("url"u8);
            reader.Read();
            if (isUrl)
            {
                url.Url = reader.GetString()!;
            }
            else
            {
                reader.Skip();
            }
        }

        return url;
    }

    public override void Write(Utf8JsonWriter writer, UrlDto value, JsonSerializerOptions options) =>
        throw new NotSupportedException("The baseline only reads.");
}
