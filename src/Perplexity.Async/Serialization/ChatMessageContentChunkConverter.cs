using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Perplexity.Async.Serialization;

/// <summary>
/// Dispatches a content chunk on its <c>type</c>. A copy of the reader looks ahead for <c>type</c> (the
/// serializer buffers the whole value before calling a custom converter) and matches its UTF-8 bytes, so no
/// string is allocated for it; then the real reader deserializes the concrete record, so no intermediate
/// document is built for known chunks. Text chunks, by far the most common, are read right here: going through
/// the serializer would scan the chunk again and build it through the record's init-only (parameterized
/// constructor) path.
/// </summary>
internal sealed class ChatMessageContentChunkConverter : JsonConverter<ChatMessageContentChunk>
{
    public override ChatMessageContentChunk Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        reader.ExpectStartObject("a content chunk");
        return PeekKind(reader) switch
        {
            ChunkKind.Text => ReadText(ref reader),
            ChunkKind.Image => Deserialize<ChatMessageContentImageChunk>(ref reader, options),
            ChunkKind.File => Deserialize<ChatMessageContentFileChunk>(ref reader, options),
            ChunkKind.Pdf => Deserialize<ChatMessageContentPdfChunk>(ref reader, options),
            ChunkKind.Video => Deserialize<ChatMessageContentVideoChunk>(ref reader, options),
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

    private static ChunkKind PeekKind(Utf8JsonReader copy)
    {
        var depth = copy.CurrentDepth;
        while (copy.Read() && copy.CurrentDepth > depth)
        {
            if (copy.TokenType == JsonTokenType.PropertyName && copy.CurrentDepth == depth + 1)
            {
                if (copy.ValueTextEquals("type"u8))
                {
                    copy.Read();
                    if (copy.TokenType != JsonTokenType.String)
                    {
                        throw new JsonException($"Expected 'type' to be a string but found {copy.TokenType}.");
                    }

                    return copy.ValueTextEquals("text"u8) ? ChunkKind.Text
                        : copy.ValueTextEquals("image_url"u8) ? ChunkKind.Image
                        : copy.ValueTextEquals("file_url"u8) ? ChunkKind.File
                        : copy.ValueTextEquals("pdf_url"u8) ? ChunkKind.Pdf
                        : copy.ValueTextEquals("video_url"u8) ? ChunkKind.Video
                        : ChunkKind.Unknown;
                }

                copy.SkipValue();
            }
        }

        throw new JsonException("A content chunk has no 'type'.");
    }

    private static ChatMessageContentTextChunk ReadText(ref Utf8JsonReader reader)
    {
        string? text = null;
        System.Collections.Generic.Dictionary<string, JsonElement>? additional = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("text"u8))
            {
                text = reader.ReadStringValue("text");
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                reader.SkipValue();
            }
            else
            {
                ExtensionProperties.Read(ref reader, ref additional);
            }
        }

        return new ChatMessageContentTextChunk
        {
            Text = text ?? throw new JsonException("A text chunk has no 'text'."),
            AdditionalProperties = additional,
        };
    }

    private static T Deserialize<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
        where T : ChatMessageContentChunk =>
        JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)))
        ?? throw new JsonException("A content chunk is null.");

    private static void Serialize<T>(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        where T : ChatMessageContentChunk =>
        JsonSerializer.Serialize(writer, value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));

    private enum ChunkKind
    {
        Unknown,
        Text,
        Image,
        File,
        Pdf,
        Video,
    }
}
