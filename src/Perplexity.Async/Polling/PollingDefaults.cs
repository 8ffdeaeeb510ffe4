using System;
using Polly;

namespace Perplexity.Async.Polling;

/// <summary>Every polling default in one place; each one is pinned by a test and stated on <see cref="PollingOptions"/>.</summary>
internal static class PollingDefaults
{
    /// <summary>1 second: a short job (sonar, sonar-pro) is often done within a few seconds, so the first look comes soon.</summary>
    public static readonly TimeSpan InitialDelay = TimeSpan.FromSeconds(1);

    /// <summary>Doubling: 1, 2, 4, 8 s, then the cap. Reaches the cap after about 15 s of waiting.</summary>
    public const DelayBackoffType BackoffType = DelayBackoffType.Exponential;

    /// <summary>
    /// 15 seconds: a deep-research job runs for minutes, so a result is at most 15 s late while a ten-minute
    /// wait costs about 45 requests, far below the 6000-a-minute rate limit on GET.
    /// </summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(15);

    /// <summary>On: many clients started together (a batch of jobs, a restarted service) do not poll in lockstep.</summary>
    public const bool UseJitter = true;

    /// <summary>
    /// 10 transient failures in a row end the wait with the last one: at the 15 s cap that is over two
    /// minutes without a single answer, which is an outage to report rather than a blip to hide. The job keeps
    /// running on the server, so waiting again later loses nothing.
    /// </summary>
    public const int MaxConsecutiveFailures = 10;

    /// <summary>
    /// A <c>Retry-After</c> longer than 60 seconds is cut to 60 seconds (the official SDKs ignore longer values):
    /// a wrong HTTP date from a proxy cannot stall a wait for hours, and a server that still wants more time says so
    /// again.
    /// </summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A <c>COMPLETED</c> envelope without its <c>response</c> is polled again up to 3 times (with the usual delay)
    /// before the wait ends with a <see cref="PerplexityProtocolException"/>: the result may still be being stored.
    /// </summary>
    public const int MaxCompletedWithoutResponseRetries = 3;

    /// <summary>Polly's own bound for delays and timeouts: 1 day.</summary>
    public static readonly TimeSpan MaxSetting = TimeSpan.FromDays(1);

    /// <summary>Polly's own lower bound for a timeout: 10 milliseconds.</summary>
    public static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
}
