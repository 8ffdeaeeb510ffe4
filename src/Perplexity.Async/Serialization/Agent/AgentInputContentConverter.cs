using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async.Serialization.Agent;

/// <summary>Message content and function-call output: a string, or an array of parts (a <c>null</c> part is refused).</summary>
internal sealed class AgentInputContentConverter : JsonConverter<AgentInputContent>
{
    private static readonly AgentInputContentPartConverter PartConverter = new();

    public override AgentInputContent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return AgentInputContent.FromText(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected input content as a string or an array of parts but found {reader.TokenType}.");
        }

        var parts = new List<AgentInputContentPart>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            parts.Add(reader.TokenType == JsonTokenType.Null
                ? throw new JsonException($"Element {parts.Count} of the content is null.")
                : PartConverter.Read(ref reader, typeof(AgentInputContentPart), options));
        }

        return AgentInputContent.FromOwnedParts(parts);
    }

    public override void Write(Utf8JsonWriter writer, AgentInputContent value, JsonSerializerOptions options)
    {
        if (value.IsText)
        {
            writer.WriteStringValue(value.Text);
            return;
        }

        writer.WriteStartArray();
        foreach (var part in value.Parts)
        {
            PartConverter.Write(writer, part, options);
        }

        writer.WriteEndArray();
    }
}
