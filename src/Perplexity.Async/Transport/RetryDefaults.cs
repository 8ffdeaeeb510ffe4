using System;

namespace Perplexity.Async.Transport;

/// <summary>
/// The defaults of the transport retries, in one place; each one is pinned by a test. They follow the official
/// Perplexity SDKs (perplexity-py and perplexity-node 0.38).
/// </summary>
internal static class RetryDefaults
{
    /// <summary>Two retries, so at most three attempts, as in the official SDKs.</summary>
    public const int MaxRetries = 2;

    /// <summary>The median delay before the first retry: 0.5 s, doubling on each retry.</summary>
    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(0.5);

    /// <summary>No backoff delay is longer than 8 s.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(8);

    /// <summary>A server's <c>retry-after-ms</c> / <c>Retry-After</c> is obeyed up to 60 s; a longer one falls back to the backoff.</summary>
    public static readonly TimeSpan MaxServerDelay = TimeSpan.FromSeconds(60);

    /// <summary>The whole call, retries and body included, ends after 15 minutes, as in the official SDKs.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(15);

    /// <summary>The shortest timeout Polly's timeout strategy accepts: 10 ms.</summary>
    public static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest timeout Polly's timeout strategy accepts: 24 h.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(24);
}
