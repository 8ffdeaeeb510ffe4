using System;
using System.Net.Http;

namespace Perplexity.Async.Transport;

/// <summary>
/// Reads a response's media type. The API answers <c>application/json</c>, and handlers store response headers
/// unparsed; matching that raw value first spares every call a parsed <c>MediaTypeHeaderValue</c>. Anything
/// else takes the parsed path, so the result is always what <c>ContentType?.MediaType</c> would say (the JSON name in
/// its canonical lower case).
/// </summary>
internal static class ResponseMediaType
{
    private const string Json = "application/json";

    public static string? Of(HttpContent content)
    {
#if NET
        if (content.Headers.NonValidated.TryGetValues("Content-Type", out var values) && values.Count == 1)
        {
            foreach (var value in values)
            {
                if (string.Equals(value, Json, StringComparison.OrdinalIgnoreCase))
                {
                    return Json;
                }
            }
        }
#endif
        return content.Headers.ContentType?.MediaType;
    }
}
