using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;

namespace Perplexity.Async.Transport;

/// <summary>
/// The one <c>Retry-After</c> rule, for transport retries and for waits alike: what the server asked for, and how
/// long the SDK is willing to honour it.
/// </summary>
internal static class RetryAfterRule
{
    /// <summary>
    /// The server's wait hint: <c>retry-after-ms</c> first (as the official SDKs read it), then <c>Retry-After</c> in
    /// seconds or as an HTTP date. Null when absent, unparsable or negative; a date in the past is zero.
    /// </summary>
    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider timeProvider)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds)
            && milliseconds >= 0 && milliseconds < TimeSpan.MaxValue.TotalMilliseconds)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>
    /// How much longer than <paramref name="computedDelay"/> (the jittered backoff) to wait so that the pause is
    /// max(<paramref name="retryAfter"/>, backoff), with the server's wish cut to
    /// <see cref="RetryDefaults.MaxServerDelay"/>: a wrong HTTP date from a proxy cannot stall a call or a wait for
    /// hours, and a server that still wants more time says so again. Zero when no extra wait is due.
    /// </summary>
    public static TimeSpan ExtraDelay(TimeSpan? retryAfter, TimeSpan computedDelay)
    {
        if (retryAfter is not { } wanted || wanted <= computedDelay)
        {
            return TimeSpan.Zero;
        }

        var capped = wanted < RetryDefaults.MaxServerDelay ? wanted : RetryDefaults.MaxServerDelay;
        return capped > computedDelay ? capped - computedDelay : TimeSpan.Zero;
    }
}
