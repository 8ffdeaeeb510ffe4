using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async.Serialization.Agent;

/// <summary><c>input</c>: a string, or an array of input items (a <c>null</c> item is refused).</summary>
internal sealed class AgentInputConverter : JsonConverter<AgentInput>
{
    // Called directly rather than through the serializer, which would scan each item once more to find its end; the
    // serializer has already buffered the whole array for this converter.
    private static readonly AgentInputItemConverter ItemConverter = new();

    public override AgentInput Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return AgentInput.FromText(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected 'input' as a string or an array of items but found {reader.TokenType}.");
        }

        var items = new List<AgentInputItem>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(reader.TokenType == JsonTokenType.Null
                ? throw new JsonException($"Element {items.Count} of 'input' is null.")
                : ItemConverter.Read(ref reader, typeof(AgentInputItem), options));
        }

        return AgentInput.FromOwnedItems(items);
    }

    public override void Write(Utf8JsonWriter writer, AgentInput value, JsonSerializerOptions options)
    {
        if (value.IsText)
        {
            writer.WriteStringValue(value.Text);
            return;
        }

        writer.WriteStartArray();
        foreach (var item in value.Items)
        {
            ItemConverter.Write(writer, item, options);
        }

        writer.WriteEndArray();
    }
}
