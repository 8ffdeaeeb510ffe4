using System.Text.Json;

namespace Perplexity.Async.Serialization;

/// <summary>Small checks shared by the hand-written converters, so every malformed value fails the same way.</summary>
internal static class JsonReaderExtensions
{
    public static void ExpectStartObject(this ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected {what} as an object or a string but found {reader.TokenType}.");
        }
    }

    /// <summary>Moves to the next property name; false at the end of the object.</summary>
    public static bool NextProperty(this ref Utf8JsonReader reader) =>
        reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>Moves from a property name to its value and reads it as a string.</summary>
    public static string ReadStringValue(this ref Utf8JsonReader reader, string property)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw new JsonException($"Expected '{property}' to be a string but found {reader.TokenType}.");
    }

    /// <summary>Moves from a property name past its value.</summary>
    /// <remarks>
    /// <see cref="Utf8JsonReader.Skip"/> throws whenever the reader is not on the final block, which is always the
    /// case while a stream is read; the serializer has buffered the whole value for a custom converter, so
    /// <see cref="Utf8JsonReader.TrySkip"/> succeeds.
    /// </remarks>
    public static void SkipValue(this ref Utf8JsonReader reader)
    {
        reader.Read();
        if (!reader.TrySkip())
        {
            throw new JsonException("A value ends before it is complete.");
        }
    }
}
