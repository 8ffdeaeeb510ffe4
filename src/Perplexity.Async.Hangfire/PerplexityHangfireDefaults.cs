using System;

namespace Perplexity.Async;

/// <summary>The defaults of durable runs on Hangfire, in one place, each with its reason.</summary>
internal static class PerplexityHangfireDefaults
{
    /// <summary>
    /// 1 minute: a second check of the same finished run (possible only after a crash or a duplicated check) waits this
    /// long while the first one hands the run over; then it fails and Hangfire retries it, and the retry finds the run
    /// handled.
    /// </summary>
    public static readonly TimeSpan HandlerLockTimeout = TimeSpan.FromMinutes(1);

    /// <summary>
    /// 10 seconds: the lock around reading and writing the create marker is held for two storage round trips only.
    /// </summary>
    public static readonly TimeSpan CreateLockTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// 24: the backoff is computed by replaying Polly's delays up to the check's number; from the 24th on the delays
    /// have long reached the cap (1 s doubling to 10 s caps at the 5th), so later checks reuse the 24th.
    /// </summary>
    public const int MaxSimulatedChecks = 24;

    /// <summary>60 characters of the question in a job's dashboard name: readable in a list, never a whole prompt.</summary>
    public const int LabelLength = 60;
}
