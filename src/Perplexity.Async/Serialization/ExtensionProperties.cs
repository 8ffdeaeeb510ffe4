using System.Collections.Generic;
using System.Text.Json;

namespace Perplexity.Async.Serialization;

/// <summary>
/// What <c>[JsonExtensionData]</c> does, for the hand-written converters: an unknown property is kept, and written
/// back after the known ones.
/// </summary>
internal static class ExtensionProperties
{
    /// <summary>Reads the value of the property the reader is on into <paramref name="extras"/>, creating it on first use.</summary>
    public static void Read(ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? extras)
    {
        var name = reader.GetString()!;
        reader.Read();
        extras ??= new Dictionary<string, JsonElement>(System.StringComparer.Ordinal);

        // Last one wins on a repeated name, as the generated extension data does.
        extras[name] = JsonElement.ParseValue(ref reader);
    }

    /// <summary>Writes <paramref name="extras"/> (when any) as properties of the object being written.</summary>
    public static void Write(Utf8JsonWriter writer, IDictionary<string, JsonElement>? extras)
    {
        if (extras is null)
        {
            return;
        }

        foreach (var entry in extras)
        {
            writer.WritePropertyName(entry.Key);
            entry.Value.WriteTo(writer);
        }
    }
}
