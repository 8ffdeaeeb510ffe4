using System;
using System.Threading;

namespace Perplexity.Async.Transport;

/// <summary>The retry and timeout settings a client runs with, copied from its options (already validated).</summary>
internal sealed class RetrySettings
{
    public RetrySettings(PerplexityAsyncClientOptions options)
    {
        MaxRetries = options.MaxRetries;
        AttemptTimeout = Limit(options.AttemptTimeout);
        RequestTimeout = Limit(options.RequestTimeout);
        UseJitter = options.UseRetryJitter;
    }

    /// <summary>Retries after the first attempt; 0 means none.</summary>
    public int MaxRetries { get; }

    /// <summary>The limit on one attempt (until response headers); null for none.</summary>
    public TimeSpan? AttemptTimeout { get; }

    /// <summary>The limit on the whole call; null for none.</summary>
    public TimeSpan? RequestTimeout { get; }

    /// <summary>Whether backoff delays are jittered (always, except in tests that pin exact delays).</summary>
    public bool UseJitter { get; }

    // Timeout.InfiniteTimeSpan is the .NET way to say "no limit"; it means the same as null here.
    private static TimeSpan? Limit(TimeSpan? value) => value == Timeout.InfiniteTimeSpan ? null : value;
}
