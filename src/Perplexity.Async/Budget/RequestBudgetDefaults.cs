using System;

namespace Perplexity.Async.Budget;

/// <summary>
/// Every default and bound of <see cref="RequestBudgetOptions"/> in one place, each with its reason; pinned by tests and
/// quoted by the validation messages.
/// </summary>
internal static class RequestBudgetDefaults
{
    /// <summary>
    /// 40 requests a second: four fifths of the 50 a second the Agent API reported (<c>x-ratelimit-limit: 50</c>, per
    /// organisation and shared by all its keys), leaving room for other processes of the organisation and for the
    /// requests already in flight when the headers say to slow down.
    /// </summary>
    public const double RequestsPerSecond = 40;

    /// <summary>
    /// 10 requests at once: a client that was idle may send this many without waiting; far below the 50 of one
    /// second of the service's window, so a burst alone never meets a 429.
    /// </summary>
    public const int Burst = 10;

    /// <summary>
    /// 1,000 requests may wait for a permit: 25 seconds of work at the default rate. A longer queue only hides an
    /// overload; the next request is refused at once with <see cref="PerplexityRequestBudgetExceededException"/>.
    /// </summary>
    public const int QueueLimit = 1000;

    /// <summary>
    /// 30 seconds: the longest a request waits for a permit before it fails with
    /// <see cref="PerplexityRequestBudgetExceededException"/> (waits treat it as transient and try again later).
    /// </summary>
    public static readonly TimeSpan MaxQueueTime = TimeSpan.FromSeconds(30);

    /// <summary>The smallest rate: one request every 100 seconds.</summary>
    public const double MinRequestsPerSecond = 0.01;

    /// <summary>The largest rate: 10,000 requests a second, far above any published Perplexity limit.</summary>
    public const double MaxRequestsPerSecond = 10_000;

    /// <summary>The largest burst: 10,000 requests.</summary>
    public const int MaxBurst = 10_000;

    /// <summary>The largest queue: 1,000,000 waiting requests.</summary>
    public const int MaxQueueLimit = 1_000_000;

    /// <summary>The longest queue time: 1 day (as for every other delay of the SDK).</summary>
    public static readonly TimeSpan MaxMaxQueueTime = TimeSpan.FromDays(1);

    /// <summary>
    /// Permits are added at most 20 times a second (every 50 ms or more), a whole number at a time, so the rate is exact
    /// and no clock is consulted more often than that: at 40 a second, 2 every 50 ms; at 50 a second, 3 every 60 ms; at
    /// 1 a second, 1 every second.
    /// </summary>
    public const int MaxReplenishmentsPerSecond = 20;

    /// <summary>
    /// After a 429 without <c>Retry-After</c> or <c>x-ratelimit-reset</c>, no request is sent for 1 second: the service's
    /// window is one second (the observed <c>x-ratelimit-reset</c> was 1 s after <c>Date</c>).
    /// </summary>
    public static readonly TimeSpan PauseAfter429 = TimeSpan.FromSeconds(1);
}
