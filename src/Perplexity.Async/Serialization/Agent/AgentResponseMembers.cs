using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Perplexity.Async.Serialization.Agent;

/// <summary>
/// The 32 members of the Agent API's Response object as <see cref="AgentResponseConverter"/> reads and writes them:
/// their names in the service's order (a member's index is its number), finding the member a property names, and one
/// reader and writer per kind of value, each failing with a <see cref="JsonException"/> that names the member.
/// </summary>
internal static class AgentResponseMembers
{
    // In the service's order, which is alphabetical; the index is the member's number in Read and Write.
    public static readonly JsonEncodedText[] Names =
    [
        JsonEncodedText.Encode("background"),
        JsonEncodedText.Encode("completed_at"),
        JsonEncodedText.Encode("created_at"),
        JsonEncodedText.Encode("error"),
        JsonEncodedText.Encode("frequency_penalty"),
        JsonEncodedText.Encode("id"),
        JsonEncodedText.Encode("incomplete_details"),
        JsonEncodedText.Encode("instructions"),
        JsonEncodedText.Encode("max_output_tokens"),
        JsonEncodedText.Encode("max_tool_calls"),
        JsonEncodedText.Encode("metadata"),
        JsonEncodedText.Encode("model"),
        JsonEncodedText.Encode("object"),
        JsonEncodedText.Encode("output"),
        JsonEncodedText.Encode("parallel_tool_calls"),
        JsonEncodedText.Encode("presence_penalty"),
        JsonEncodedText.Encode("previous_response_id"),
        JsonEncodedText.Encode("prompt_cache_key"),
        JsonEncodedText.Encode("reasoning"),
        JsonEncodedText.Encode("safety_identifier"),
        JsonEncodedText.Encode("service_tier"),
        JsonEncodedText.Encode("status"),
        JsonEncodedText.Encode("store"),
        JsonEncodedText.Encode("temperature"),
        JsonEncodedText.Encode("text"),
        JsonEncodedText.Encode("tool_choice"),
        JsonEncodedText.Encode("tools"),
        JsonEncodedText.Encode("top_logprobs"),
        JsonEncodedText.Encode("top_p"),
        JsonEncodedText.Encode("truncation"),
        JsonEncodedText.Encode("usage"),
        JsonEncodedText.Encode("user"),
    ];

    /// <summary>
    /// The member the property under the reader names, or -1: the one after the previous member first (the service
    /// writes its keys in order, so that is nearly always the one), then all of them.
    /// </summary>
    public static int Find(ref Utf8JsonReader reader, int next)
    {
        if (next < Names.Length && reader.ValueTextEquals(Names[next].EncodedUtf8Bytes))
        {
            return next;
        }

        for (var i = 0; i < Names.Length; i++)
        {
            if (i != next && reader.ValueTextEquals(Names[i].EncodedUtf8Bytes))
            {
                return i;
            }
        }

        return -1;
    }

    public static T? ReadObject<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
        where T : class
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        return ((JsonConverter<T>)info.Converter).Read(ref reader, typeof(T), options);
    }

    public static void WriteObject<T>(Utf8JsonWriter writer, int member, T? value, JsonSerializerOptions options)
        where T : class
    {
        writer.WritePropertyName(Names[member]);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            JsonSerializer.Serialize(writer, value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
        }
    }

    public static void WriteReference<T>(Utf8JsonWriter writer, int member, T? value, JsonConverter<T> converter, JsonSerializerOptions options)
        where T : class
    {
        writer.WritePropertyName(Names[member]);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            converter.Write(writer, value, options);
        }
    }

    public static void WriteValue<T>(Utf8JsonWriter writer, int member, T? value, JsonConverter<T> converter, JsonSerializerOptions options)
        where T : struct
    {
        writer.WritePropertyName(Names[member]);
        if (value is { } set)
        {
            converter.Write(writer, set, options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    public static string? ReadString(ref Utf8JsonReader reader, int member) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw WrongKind(member, "a string", reader.TokenType),
    };

    public static string? ReadKnownString(ref Utf8JsonReader reader, int member, KnownStringConverter known, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => known.Read(ref reader, typeof(string), options),
            JsonTokenType.Null => null,
            _ => throw WrongKind(member, "a string", reader.TokenType),
        };

    public static bool? ReadBoolean(ref Utf8JsonReader reader, int member) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        _ => throw WrongKind(member, "true or false", reader.TokenType),
    };

    public static int? ReadInt32(ref Utf8JsonReader reader, int member) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt32(out var value) => value,
        JsonTokenType.Null => null,
        _ => throw WrongKind(member, "an integer", reader.TokenType),
    };

    public static double? ReadDouble(ref Utf8JsonReader reader, int member) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetDouble(out var value) => value,
        JsonTokenType.Null => null,
        _ => throw WrongKind(member, "a number", reader.TokenType),
    };

    public static void WriteBoolean(Utf8JsonWriter writer, int member, bool? value)
    {
        if (value is { } flag)
        {
            writer.WriteBoolean(Names[member], flag);
        }
        else
        {
            writer.WriteNull(Names[member]);
        }
    }

    public static void WriteInt32(Utf8JsonWriter writer, int member, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(Names[member], number);
        }
        else
        {
            writer.WriteNull(Names[member]);
        }
    }

    public static void WriteDouble(Utf8JsonWriter writer, int member, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(Names[member], number);
        }
        else
        {
            writer.WriteNull(Names[member]);
        }
    }

    public static JsonException WrongKind(int member, string expected, JsonTokenType found) =>
        new($"Expected the response's '{Names[member]}' to be {expected} or null but found {found}.");

    public static JsonException NullNotAllowed(int member) =>
        new($"The response's '{Names[member]}' is null; the API documents a string there.");

    public static JsonException Missing(int member) =>
        new($"The response has no '{Names[member]}', a member the API documents as required.");
}
