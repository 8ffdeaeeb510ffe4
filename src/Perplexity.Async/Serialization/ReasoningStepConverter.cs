using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Perplexity.Async.Serialization;

/// <summary>
/// Reads and writes a reasoning step by hand. A deep-research answer carries a hundred or more, and the source
/// generator builds records with <c>init</c> properties through its parameterized-constructor path (an argument state
/// per object, and one more slot for <see cref="ReasoningStep.AdditionalProperties"/>); reading the five properties
/// directly costs none of that. The behaviour is the generated one: <c>thought</c> is a required non-null string,
/// <c>type</c> and the three details may be null or absent, unknown properties are kept (the dictionary is created
/// only when there is one) and written back; nulls are omitted when writing.
/// </summary>
internal sealed class ReasoningStepConverter : JsonConverter<ReasoningStep>
{
    private static readonly JsonEncodedText ThoughtName = JsonEncodedText.Encode("thought");
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText WebSearchName = JsonEncodedText.Encode("web_search");
    private static readonly JsonEncodedText FetchUrlContentName = JsonEncodedText.Encode("fetch_url_content");
    private static readonly JsonEncodedText ExecutePythonName = JsonEncodedText.Encode("execute_python");

    public override ReasoningStep Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        reader.ExpectStartObject("a reasoning step");
        string? thought = null;
        string? type = null;
        WebSearchStepDetails? webSearch = null;
        FetchUrlContentStepDetails? fetchUrlContent = null;
        ExecutePythonStepDetails? executePython = null;
        Dictionary<string, JsonElement>? additional = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("thought"u8))
            {
                thought = reader.ReadStringValue("thought");
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Null => null,
                    _ => throw new JsonException($"Expected 'type' to be a string or null but found {reader.TokenType}."),
                };
            }
            else if (reader.ValueTextEquals("web_search"u8))
            {
                webSearch = ReadDetails<WebSearchStepDetails>(ref reader, options);
            }
            else if (reader.ValueTextEquals("fetch_url_content"u8))
            {
                fetchUrlContent = ReadDetails<FetchUrlContentStepDetails>(ref reader, options);
            }
            else if (reader.ValueTextEquals("execute_python"u8))
            {
                executePython = ReadDetails<ExecutePythonStepDetails>(ref reader, options);
            }
            else
            {
                var name = reader.GetString()!;
                reader.Read();
                additional ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                additional[name] = JsonElement.ParseValue(ref reader);
            }
        }

        return new ReasoningStep
        {
            Thought = thought ?? throw new JsonException("A reasoning step has no 'thought'."),
            Type = type,
            WebSearch = webSearch,
            FetchUrlContent = fetchUrlContent,
            ExecutePython = executePython,
            AdditionalProperties = additional,
        };
    }

    public override void Write(Utf8JsonWriter writer, ReasoningStep value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(ThoughtName, value.Thought ?? throw new JsonException("A reasoning step's Thought is null."));
        if (value.Type is not null)
        {
            writer.WriteString(TypeName, value.Type);
        }

        WriteDetails(writer, WebSearchName, value.WebSearch, options);
        WriteDetails(writer, FetchUrlContentName, value.FetchUrlContent, options);
        WriteDetails(writer, ExecutePythonName, value.ExecutePython, options);
        if (value.AdditionalProperties is { } additional)
        {
            foreach (var property in additional)
            {
                writer.WritePropertyName(property.Key);
                property.Value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    private static T? ReadDetails<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
        where T : class
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null
            ? null
            : JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
    }

    private static void WriteDetails<T>(Utf8JsonWriter writer, JsonEncodedText name, T? details, JsonSerializerOptions options)
        where T : class
    {
        if (details is not null)
        {
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, details, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
        }
    }
}
