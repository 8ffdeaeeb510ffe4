using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>
/// The answer of a run with <c>response_format</c> json_schema: raw JSON text (as the live API returns it in
/// <c>output_text</c>) with one value per property of the schema's root, of the property's type.
/// </summary>
internal static class AgentStructuredAnswer
{
    public static string Build(string schemaJson, PromptTopic topic, IReadOnlyList<AgentSource> sources)
    {
        using var schema = JsonDocument.Parse(schemaJson);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (schema.RootElement.TryGet("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in properties.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    WriteValue(writer, property.Name, property.Value, topic, sources);
                }
            }
            else
            {
                writer.WriteString("answer", $"An emulated answer about {topic.Subject}.");
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter writer, string name, JsonElement schema, PromptTopic topic, IReadOnlyList<AgentSource> sources)
    {
        switch (schema.String("type"))
        {
            case "integer":
                writer.WriteNumberValue(sources.Count);
                break;
            case "number":
                writer.WriteNumberValue(0.5);
                break;
            case "boolean":
                writer.WriteBooleanValue(true);
                break;
            case "array":
                writer.WriteStartArray();
                if (schema.TryGet("items", out var items) && items.String("type") == "string")
                {
                    foreach (var source in sources.Take(3))
                    {
                        writer.WriteStringValue(source.Url);
                    }
                }

                writer.WriteEndArray();
                break;
            case "object":
                writer.WriteStartObject();
                writer.WriteEndObject();
                break;
            default:
                writer.WriteStringValue(name.IndexOf("url", System.StringComparison.OrdinalIgnoreCase) >= 0 && sources.Count > 0
                    ? sources[0].Url
                    : $"An emulated {name.Replace('_', ' ')} about {topic.Subject}.");
                break;
        }
    }
}
