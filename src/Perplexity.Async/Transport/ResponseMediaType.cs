using System;
using System.Collections.Generic;
using System.Net.Http;

namespace Perplexity.Async.Transport;

/// <summary>
/// Reads a response's media type. The API answers <c>application/json</c>, and handlers store response headers
/// unparsed; matching that raw value first spares every call a parsed <c>MediaTypeHeaderValue</c>. A response that
/// names more than one content type (two <c>Content-Type</c> headers, or one with a comma list such as
/// <c>application/json, text/html</c>) says nothing certain about its body: the raw values are returned, joined,
/// so the caller refuses it as not JSON and names what it got. Anything else takes the parsed path, so the result is
/// what <c>ContentType?.MediaType</c> would say (the JSON name in its canonical lower case).
/// </summary>
internal static class ResponseMediaType
{
    private const string Json = "application/json";

    public static string? Of(HttpContent content)
    {
#if NET
        if (content.Headers.NonValidated.TryGetValues("Content-Type", out var values))
        {
            if (values.Count == 1)
            {
                foreach (var value in values)
                {
                    if (string.Equals(value, Json, StringComparison.OrdinalIgnoreCase))
                    {
                        return Json;
                    }

                    if (HasList(value))
                    {
                        return value;
                    }
                }
            }
            else if (values.Count > 1)
            {
                return Joined(values);
            }
        }
#else
        if (content.Headers.TryGetValues("Content-Type", out var values))
        {
            var list = new List<string>(values);
            if (list.Count > 1 || (list.Count == 1 && HasList(list[0])))
            {
                return Joined(list);
            }
        }
#endif
        return content.Headers.ContentType?.MediaType;
    }

    private static string Joined(IEnumerable<string> values) => string.Join(", ", values);

    // A comma outside a quoted parameter value separates two media types.
    private static bool HasList(string value)
    {
        var quoted = false;
        foreach (var c in value)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                return true;
            }
        }

        return false;
    }
}
