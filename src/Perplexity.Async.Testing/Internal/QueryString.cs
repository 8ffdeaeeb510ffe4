using System;
using System.Collections.Generic;

namespace Perplexity.Async.Testing.Internal;

/// <summary>Parses a query string as the API's server does: <c>+</c> is a space, then percent-decoding.</summary>
internal static class QueryString
{
    public static IEnumerable<KeyValuePair<string, string>> Parse(string query)
    {
        foreach (var pair in query.Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair.Substring(0, equals);
            var value = equals < 0 ? string.Empty : pair.Substring(equals + 1);
            yield return new KeyValuePair<string, string>(Decode(name), Decode(value));
        }
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
