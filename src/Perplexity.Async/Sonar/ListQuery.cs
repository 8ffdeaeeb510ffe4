using System;
using System.Globalization;

namespace Perplexity.Async;

/// <summary>The query of a list call: <c>limit</c> and <c>next_token</c>, each only when given, values URL-encoded.</summary>
internal static class ListQuery
{
    public static string? Build(string? nextToken, int? limit)
    {
        var limitPart = limit is { } l ? "limit=" + l.ToString(CultureInfo.InvariantCulture) : null;
        var tokenPart = string.IsNullOrEmpty(nextToken) ? null : "next_token=" + Uri.EscapeDataString(nextToken);
        return limitPart is null ? tokenPart : tokenPart is null ? limitPart : limitPart + "&" + tokenPart;
    }

    public static void ValidateLimit(int? limit, string parameterName)
    {
        if (limit is < 1)
        {
            throw new ArgumentOutOfRangeException(parameterName, limit, "The page size must be at least 1, or null for the API's default.");
        }
    }
}
