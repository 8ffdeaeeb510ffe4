using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async.Serialization.Agent;

internal sealed class AgentToolChoiceConverter : JsonConverter<AgentToolChoice>
{
    public override AgentToolChoice Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
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
