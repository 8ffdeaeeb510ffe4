using System;

namespace Perplexity.Async;

/// <summary>
/// The defaults of waits on Agent API runs, in one place, each with its reason; pinned by tests. What they do not set
/// (jitter, overall timeout, failure budget) is as in <see cref="PollingOptions"/>.
/// </summary>
internal static class AgentPollingDefaults
{
    /// <summary>
    /// 1 second: a fast-preset run finishes in about 4 seconds (queued, queued, completed), so the first looks come soon.
    /// </summary>
    public static readonly TimeSpan InitialDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// 10 seconds: a medium run takes about 40 s, so a result is at most 10 s late and a run costs about 8 GETs; at one
    /// GET per 10 s a run uses 0.1 request a second of the organisation's limit (50 a second was observed), so about 500
    /// runs can be waited on at once before waits, not runs, use the budget up.
    /// </summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);

    /// <summary>
    /// 10 seconds: how long <c>RunAsync</c> keeps trying to cancel an abandoned run after the caller's token stopped the
    /// wait. Long enough for one cancel request and its retries on a slow network, short enough not to hold up shutdown.
    /// </summary>
    public static readonly TimeSpan AbandonedRunCancelTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// <c>WaitForAllAsync</c> has at most 16 polls in flight: at a typical 200–300 ms a GET that is 50 to 80 a second, enough
    /// to use the observed limit of 50 a second; with a request budget the rest wait for their permits in its queue.
    /// </summary>
    public const int MaxConcurrentPolls = 16;

    /// <summary>The polling of Agent runs when neither the call nor the client sets <see cref="PollingOptions"/>.</summary>
    public static PollingOptions Options() => new() { InitialDelay = InitialDelay, MaxDelay = MaxDelay };
}
