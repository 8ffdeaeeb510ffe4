using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Perplexity.Async.Serialization;

internal sealed class MessageContentConverter : JsonConverter<MessageContent>
{
    // Called directly rather than through JsonSerializer.Deserialize, which would scan each chunk once more to
    // find its end before reading it; the serializer has already buffered the whole array for this converter.
    private static readonly ChatMessageContentChunkConverter ChunkConverter = new();

    public override MessageContent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return MessageContent.FromText(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected message content as a string, an array or null but found {reader.TokenType}.");
        }

        var parts = new List<ChatMessageContentChunk>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            parts.Add(reader.TokenType == JsonTokenType.Null
                ? throw new JsonException("A content chunk is null.")
                : ChunkConverter.Read(ref reader, typeof(ChatMessageContentChunk), options));
        }

        return MessageContent.FromOwnedParts(parts);
    }

    public override void Write(Utf8JsonWriter writer, MessageContent value, JsonSerializerOptions options)
    {
        if (value.IsText)
        {
            writer.WriteStringValue(value.Text);
            return;
        }

        var chunkInfo = (JsonTypeInfo<ChatMessageContentChunk>)options.GetTypeInfo(typeof(ChatMessageContentChunk));
        writer.WriteStartArray();
        foreach (var part in value.Parts)
        {
            JsonSerializer.Serialize(writer, part, chunkInfo);
        }

        writer.WriteEndArray();
    }
}
