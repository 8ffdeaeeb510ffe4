using System;

namespace Perplexity.Async.Waiting;

/// <summary>Every polling default in one place; each one is pinned by a test and stated on <see cref="PollingOptions"/>.</summary>
internal static class PollingDefaults
{
    /// <summary>1 second: a short job (sonar, sonar-pro) is often done within a few seconds, so the first look comes soon.</summary>
    public static readonly TimeSpan InitialDelay = TimeSpan.FromSeconds(1);

    /// <summary>Doubling: 1, 2, 4, 8 s, then the cap. Reaches the cap after about 15 s of waiting.</summary>
    public const PollingBackoffType BackoffType = PollingBackoffType.Exponential;

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

    /// <summary>
    /// <c>WaitForAllAsync</c> asks the list for at least 20 jobs a page (the API's own default page size), so a few
    /// jobs created by others in between do not push the awaited ones onto a second page.
    /// </summary>
    public const int MinListPageSize = 20;

    /// <summary>
    /// <c>WaitForAllAsync</c> asks the list for at most 100 jobs a page: the API documents no maximum, and 100 is the
    /// common cap of list endpoints. More pending jobs than that take more pages.
    /// </summary>
    public const int MaxListPageSize = 100;

    /// <summary>
    /// <c>WaitForAllAsync</c> reads at most 10 list pages a round (1,000 jobs at the largest page size); a job the list
    /// has not shown by then is older than those, and is polled by id from then on.
    /// </summary>
    public const int MaxListPagesPerRound = 10;

    /// <summary>
    /// <c>WaitForAllAsync</c> sends at most 8 GETs at a time (for jobs the list shows finished, or does not show): a
    /// hundred results arrive in about a dozen round trips, far below the 6000-a-minute rate limit on GET.
    /// </summary>
    public const int MaxConcurrentGets = 8;
}
