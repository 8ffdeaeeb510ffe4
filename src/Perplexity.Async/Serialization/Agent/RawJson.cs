using System;
using System.Text.Json;

namespace Perplexity.Async.Serialization.Agent;

/// <summary>Checks shared by the unknown members of the Agent API unions, which keep an object's JSON as received.</summary>
internal static class RawJson
{
    /// <summary>Returns the object's string <c>type</c> and a copy that outlives the caller's document.</summary>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not an object with a string <c>type</c>.</exception>
    public static (string Type, JsonElement Json) TypedObject(JsonElement json, string what, string parameterName)
    {
        if (json.ValueKind != JsonValueKind.Object
            || !json.TryGetProperty("type", out var type)
            || type.ValueKind != JsonValueKind.String)
        {
            throw new ArgumentException($"{what} must be a JSON object with a string 'type'.", parameterName);
        }

        return (type.GetString()!, json.Clone());
    }

    /// <summary>The string value of a property, or <see langword="null"/> when it is absent or not a string.</summary>
    public static string? StringProperty(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
