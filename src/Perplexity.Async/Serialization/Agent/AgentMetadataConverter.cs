using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Perplexity.Async.Serialization.Agent;

/// <summary>
/// Reads a run's echoed <c>metadata</c>: the <c>{}</c> every run without metadata echoes is one shared, read-only empty
/// dictionary instead of a new one per poll; anything else is read by the generated dictionary converter, as before.
/// </summary>
internal sealed class AgentMetadataConverter : JsonConverter<IReadOnlyDictionary<string, string>>
{
    private static readonly IReadOnlyDictionary<string, string> Empty =
        new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    public override IReadOnlyDictionary<string, string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            var next = reader;
            if (next.Read() && next.TokenType == JsonTokenType.EndObject)
            {
                reader.Read();
                return Empty;
            }
        }

        var info = (JsonTypeInfo<IReadOnlyDictionary<string, string>>)options.GetTypeInfo(typeof(IReadOnlyDictionary<string, string>));
        return info.Converter is JsonConverter<IReadOnlyDictionary<string, string>> converter
            ? converter.Read(ref reader, typeToConvert, options)
            : throw new InvalidOperationException("The metadata converter found no converter for its dictionary type.");
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, (JsonTypeInfo<IReadOnlyDictionary<string, string>>)options.GetTypeInfo(typeof(IReadOnlyDictionary<string, string>)));
}
