using System;

namespace Perplexity.Async;

/// <summary>How durable runs on Hangfire are checked and handled; set with <c>services.AddPerplexityHangfire(o =&gt; …)</c>.</summary>
public sealed class PerplexityHangfireOptions
{
    /// <summary>
    /// The delays between checks of a run: <see cref="PollingOptions.InitialDelay"/>, <see cref="PollingOptions.BackoffType"/>,
    /// <see cref="PollingOptions.MaxDelay"/>, <see cref="PollingOptions.UseJitter"/> and
    /// <see cref="PollingOptions.MaxConsecutiveFailures"/> (transient failures in a row before a check fails in
    /// Hangfire, where its retries take over). <see cref="PollingOptions.Timeout"/> is not used: a durable run is
    /// checked until it ends. Null (the default): the SDK's run defaults, 1 s growing to 10 s with jitter. A check is
    /// a delayed Hangfire job, so it runs no sooner than the server's <c>SchedulePollingInterval</c> allows.
    /// </summary>
    public PollingOptions? Polling { get; set; }

    /// <summary>
    /// How long a check that saw the run finish waits for the run's handling lock (held while another check hands the
    /// same run to the handler) before it fails and Hangfire retries it. Defaults to 1 minute; positive.
    /// </summary>
    public TimeSpan HandlerLockTimeout { get; set; } = PerplexityHangfireDefaults.HandlerLockTimeout;
}
