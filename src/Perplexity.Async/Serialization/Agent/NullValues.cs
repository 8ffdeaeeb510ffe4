using System.Collections.Generic;
using System.Text.Json;

namespace Perplexity.Async.Serialization.Agent;

/// <summary>
/// <see cref="NullItems"/> for maps: the serializer refuses a JSON <c>null</c> in a non-nullable property but not as
/// a dictionary value, so <c>"tool_calls_details":{"fetch_url":null}</c> would otherwise hand the caller a null.
/// </summary>
internal static class NullValues
{
    /// <exception cref="JsonException">A value is null; the message names the property and the key.</exception>
    public static void Check<T>(IReadOnlyDictionary<string, T>? map, string property)
        where T : class
    {
        if (map is null)
        {
            return;
        }

        foreach (var entry in map)
        {
            if (entry.Value is null)
            {
                throw new JsonException($"The value of '{property}.{entry.Key}' is null; the API documents an object there.");
            }
        }
    }
}
