using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;

namespace Perplexity.Async.Transport;

/// <summary>Reads the <c>x-ratelimit-*</c> headers of a response.</summary>
internal static class RateLimitHeaders
{
    /// <summary>The headers' values; null when the response had none of them.</summary>
    public static PerplexityRateLimitInfo? Read(HttpResponseMessage response)
    {
        var limit = Number(response, "x-ratelimit-limit");
        var remaining = Number(response, "x-ratelimit-remaining");
        var used = Number(response, "x-ratelimit-used");
        var reset = Number(response, "x-ratelimit-reset");
        if (limit is null && remaining is null && used is null && reset is null)
        {
            return null;
        }

        return new PerplexityRateLimitInfo
        {
            Limit = limit,
            Remaining = remaining,
            Used = used,
            ResetAt = reset is { } seconds && seconds >= 0 && seconds < 253_402_300_800 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
        };
    }

    private static long? Number(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault()?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
