using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async.Serialization.Agent;

/// <summary>
/// Reads and writes a text delta by hand: it is nearly every event of a streamed answer (thousands per run), and the
/// source generator builds records with <c>required</c> <c>init</c> properties through its parameterized-constructor
/// path (an argument array per event, the integers boxed), which made reading a stream about a third slower than plain
/// DTOs (docs/benchmarks.md, AgentStream). The behaviour is the generated one: <c>item_id</c>, <c>output_index</c>,
/// <c>content_index</c> and <c>delta</c> are required, <c>sequence_number</c> is read when present, <c>type</c> is the
/// union's business, and unknown properties are kept.
/// </summary>
internal sealed class AgentOutputTextDeltaEventConverter : JsonConverter<AgentOutputTextDeltaEvent>
{
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText TypeValue = JsonEncodedText.Encode(AgentOutputTextDeltaEvent.WireType);
    private static readonly JsonEncodedText SequenceNumberName = JsonEncodedText.Encode("sequence_number");
    private static readonly JsonEncodedText ItemIdName = JsonEncodedText.Encode("item_id");
    private static readonly JsonEncodedText OutputIndexName = JsonEncodedText.Encode("output_index");
    private static readonly JsonEncodedText ContentIndexName = JsonEncodedText.Encode("content_index");
    private static readonly JsonEncodedText DeltaName = JsonEncodedText.Encode("delta");

    public override AgentOutputTextDeltaEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a text delta event as an object but found {reader.TokenType}.");
        }

        long? sequenceNumber = null;
        string? itemId = null;
        int? outputIndex = null;
        int? contentIndex = null;
        string? delta = null;
        Dictionary<string, JsonElement>? extras = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.SkipValue();
            }
            else if (reader.ValueTextEquals("sequence_number"u8))
            {
                reader.Read();
                sequenceNumber = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value)
                    ? value
                    : throw new JsonException($"Expected a text delta's 'sequence_number' to be an integer but found {reader.TokenType}.");
            }
            else if (reader.ValueTextEquals("item_id"u8))
            {
                itemId = reader.ReadStringValue("item_id");
            }
            else if (reader.ValueTextEquals("output_index"u8))
            {
                outputIndex = ReadInt32(ref reader, "output_index");
            }
            else if (reader.ValueTextEquals("content_index"u8))
            {
                contentIndex = ReadInt32(ref reader, "content_index");
            }
            else if (reader.ValueTextEquals("delta"u8))
            {
                delta = reader.ReadStringValue("delta");
            }
            else
            {
                ExtensionProperties.Read(ref reader, ref extras);
            }
        }

        return new AgentOutputTextDeltaEvent
        {
            SequenceNumber = sequenceNumber.GetValueOrDefault(),
            ItemId = itemId ?? throw new JsonException("A text delta event has no 'item_id'."),
            OutputIndex = outputIndex ?? throw new JsonException("A text delta event has no 'output_index'."),
            ContentIndex = contentIndex ?? throw new JsonException("A text delta event has no 'content_index'."),
            Delta = delta ?? throw new JsonException("A text delta event has no 'delta'."),
            AdditionalProperties = extras,

            // Only when present: whether the event carried one is what the de-duplication of a resumed stream asks.
            HasSequenceNumber = sequenceNumber.HasValue,
        };
    }

    public override void Write(Utf8JsonWriter writer, AgentOutputTextDeltaEvent value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(TypeName, TypeValue);
        writer.WriteNumber(SequenceNumberName, value.SequenceNumber);
        writer.WriteString(ItemIdName, value.ItemId);
        writer.WriteNumber(OutputIndexName, value.OutputIndex);
        writer.WriteNumber(ContentIndexName, value.ContentIndex);
        writer.WriteString(DeltaName, value.Delta);
        ExtensionProperties.Write(writer, value.AdditionalProperties);
        writer.WriteEndObject();
    }

    private static int ReadInt32(ref Utf8JsonReader reader, string property)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value)
            ? value
            : throw new JsonException($"Expected a text delta's '{property}' to be an integer but found {reader.TokenType}.");
    }
}
