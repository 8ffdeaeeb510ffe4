using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async.Serialization.Agent;

internal sealed class AgentToolChoiceConverter : JsonConverter<AgentToolChoice>
{
    public override AgentToolChoice Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            // Every response echoes "auto": the shared instances cost nothing to return.
            JsonTokenType.String when reader.ValueTextEquals("auto"u8) => AgentToolChoice.Auto,
            JsonTokenType.String when reader.ValueTextEquals("none"u8) => AgentToolChoice.None,
            JsonTokenType.String when reader.ValueTextEquals("required"u8) => AgentToolChoice.Required,
            JsonTokenType.String => AgentToolChoice.FromMode(reader.GetString()!),
            JsonTokenType.StartObject => AgentToolChoice.FromJson(JsonElement.ParseValue(ref reader)),
            _ => throw new JsonException($"Expected a tool choice as a string or an object but found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, AgentToolChoice value, JsonSerializerOptions options)
    {
        if (value.Json is { } json)
        {
            json.WriteTo(writer);
        }
        else
        {
            writer.WriteStringValue(value.Mode);
        }
    }
}
