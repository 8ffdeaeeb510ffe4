using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async.Serialization;

internal sealed class ContentUrlConverter : JsonConverter<ContentUrl>
{
    public override ContentUrl Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new ContentUrl { Url = reader.GetString()!, IsBareString = true };
        }

        reader.ExpectStartObject("a URL");
        string? url = null;
        Dictionary<string, JsonElement>? additional = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("url"u8))
            {
                url = reader.ReadStringValue("url");
            }
            else
            {
                ExtensionProperties.Read(ref reader, ref additional);
            }
        }

        return new ContentUrl { Url = url ?? throw new JsonException("A URL object has no 'url'."), AdditionalProperties = additional };
    }

    public override void Write(Utf8JsonWriter writer, ContentUrl value, JsonSerializerOptions options)
    {
        if (value.IsBareString)
        {
            writer.WriteStringValue(value.Url);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("url", value.Url);
        ExtensionProperties.Write(writer, value.AdditionalProperties);
        writer.WriteEndObject();
    }
}
