using System.Collections.Generic;
using System.Text.Json;

namespace Perplexity.Async.Serialization;

/// <summary>
/// The check behind the models' <see cref="System.Text.Json.Serialization.IJsonOnDeserialized"/>: with
/// <c>RespectNullableAnnotations</c> the serializer refuses a JSON <c>null</c> in a non-nullable property but not inside
/// a list, so without it <c>"choices":[null]</c> would become a null in a list typed as never holding one, and a
/// <see cref="System.NullReferenceException"/> later in the caller's code (or in <see cref="CompletionResponse.Text"/>).
/// A check after the list is read keeps the serializer's own fast collection path (a converter per list made a deep-research
/// result 1.4 times slower to read); the exception carries the JSON path of the object that holds the list.
/// </summary>
internal static class NullItems
{
    /// <summary>Throws when <paramref name="items"/> holds a null.</summary>
    /// <exception cref="JsonException">An item is null; the message names the property and the index.</exception>
    public static void Check<T>(IReadOnlyList<T>? items, string property)
        where T : class
    {
        if (items is null)
        {
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                throw new JsonException($"Element {i} of '{property}' is null; the API documents an object or value there.");
            }
        }
    }
}
