using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Perplexity.Async.Serialization;

/// <summary>
/// Dispatches a content chunk on its <c>type</c>. A copy of the reader looks ahead for <c>type</c> (the
/// serializer buffers the whole value before calling a custom converter), then the real reader deserializes the
/// concrete record, so no intermediate document is built for known chunks.
/// </summary>
internal sealed class ChatMessageContentChunkConverter : JsonConverter<ChatMessageContentChunk>
{
    public override ChatMessageContentChunk Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        reader.ExpectStartObject("a content chunk");
        var type = PeekType(reader);
        return type switch
        {
            ChatMessageContentTextChunk.WireType => Deserialize<ChatMessageContentTextChunk>(ref reader, options),
            ChatMessageContentImageChunk.WireType => Deserialize<ChatMessageContentImageChunk>(ref reader, options),
            ChatMessageContentFileChunk.WireType => Deserialize<ChatMessageContentFileChunk>(ref reader, options),
            ChatMessageContentPdfChunk.WireType => Deserialize<ChatMessageContentPdfChunk>(ref reader, options),
            ChatMessageContentVideoChunk.WireType => Deserialize<ChatMessageContentVideoChunk>(ref reader, options),
            _ => new ChatMessageContentUnknownChunk(JsonElement.ParseValue(ref reader)),
        };
    }

    public override void Write(Utf8JsonWriter writer, ChatMessageContentChunk value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case ChatMessageContentTextChunk text:
                Serialize(writer, text, options);
                break;
            case ChatMessageContentImageChunk image:
                Serialize(writer, image, options);
                break;
            case ChatMessageContentFileChunk file:
                Serialize(writer, file, options);
                break;
            case ChatMessageContentPdfChunk pdf:
                Serialize(writer, pdf, options);
                break;
            case ChatMessageContentVideoChunk video:
                Serialize(writer, video, options);
                break;
            case ChatMessageContentUnknownChunk unknown:
                unknown.Json.WriteTo(writer);
                break;
            default:
                throw new JsonException($"Cannot write content chunk of type {value.GetType().Name}.");
        }
    }

    private static string PeekType(Utf8JsonReader copy)
    {
        var depth = copy.CurrentDepth;
        while (copy.Read() && copy.CurrentDepth > depth)
        {
            if (copy.TokenType == JsonTokenType.PropertyName && copy.CurrentDepth == depth + 1)
            {
                if (copy.ValueTextEquals("type"u8))
                {
                    return copy.ReadStringValue("type");
                }

                copy.SkipValue();
            }
        }

        throw new JsonException("A content chunk has no 'type'.");
    }

    private static T Deserialize<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
        where T : ChatMessageContentChunk =>
        JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)))
        ?? throw new JsonException("A content chunk is null.");

    private static void Serialize<T>(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        where T : ChatMessageContentChunk =>
        JsonSerializer.Serialize(writer, value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
}
