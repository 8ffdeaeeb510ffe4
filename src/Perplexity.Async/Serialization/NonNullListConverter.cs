using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Perplexity.Async.Serialization;

/// <summary>
/// Reads a JSON array into a list whose elements are never <see langword="null"/>: a <c>null</c> element (which
/// <c>RespectNullableAnnotations</c> does not check inside collections) is refused with a <see cref="JsonException"/>,
/// which the client reports as a <see cref="PerplexityProtocolException"/>, instead of surfacing later as a
/// <see cref="NullReferenceException"/> in user code.
/// </summary>
/// <typeparam name="T">The element type (a reference type).</typeparam>
internal sealed class NonNullListConverter<T> : JsonConverter<IReadOnlyList<T>>
    where T : class
{
    public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected an array but found {reader.TokenType}.");
        }

        var typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(JsonSerializer.Deserialize(ref reader, typeInfo)
                ?? throw new JsonException($"Element {list.Count} of the array is null; the API documents an object or value there."));
        }

        return list;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
    {
        var typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartArray();
        foreach (var item in value)
        {
            JsonSerializer.Serialize(writer, item, typeInfo);
        }

        writer.WriteEndArray();
    }
}
