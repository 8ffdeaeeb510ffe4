using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async.Serialization;

internal sealed class VideoContentUrlConverter : JsonConverter<VideoContentUrl>
{
    private static readonly StringOrIntegerConverter FrameIntervalConverter = new();

    public override VideoContentUrl Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new VideoContentUrl { Url = reader.GetString()!, IsBareString = true };
        }

        reader.ExpectStartObject("a video URL");
        string? url = null;
        var frameInterval = VideoContentUrl.DefaultFrameInterval;
        Dictionary<string, JsonElement>? additional = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("url"u8))
            {
                url = reader.ReadStringValue("url");
            }
            else if (reader.ValueTextEquals("frame_interval"u8))
            {
                reader.Read();
                frameInterval = FrameIntervalConverter.Read(ref reader, typeof(StringOrInteger), options);
            }
            else
            {
                ExtensionProperties.Read(ref reader, ref additional);
            }
        }

        return new VideoContentUrl
        {
            Url = url ?? throw new JsonException("A video URL object has no 'url'."),
            FrameInterval = frameInterval,
            AdditionalProperties = additional,
        };
    }

    public override void Write(Utf8JsonWriter writer, VideoContentUrl value, JsonSerializerOptions options)
    {
        if (value.IsBareString)
        {
            writer.WriteStringValue(value.Url);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("url", value.Url);
        writer.WritePropertyName("frame_interval");
        FrameIntervalConverter.Write(writer, value.FrameInterval, options);
        ExtensionProperties.Write(writer, value.AdditionalProperties);
        writer.WriteEndObject();
    }
}
