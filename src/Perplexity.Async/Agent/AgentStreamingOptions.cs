using System;

namespace Perplexity.Async;

/// <summary>
/// How <c>StreamAsync</c>, <c>ResumeStreamAsync</c> and a streamed <c>WatchAsync</c> read a run's events: the
/// reconnects after a drop and when a silent connection counts as dropped. Not to be confused with
/// <see cref="AgentStreamOptions"/>, the request's <c>stream_options</c> sent to the API.
/// </summary>
public sealed class AgentStreamingOptions
{
    /// <summary>
    /// The reconnects after a drop (backoff, jitter, <see cref="PollingOptions.MaxConsecutiveFailures"/> failures in a
    /// row, an overall <see cref="PollingOptions.Timeout"/>) and the polling when the replay window is over; the client's
    /// <see cref="PerplexityAsyncClientOptions.Polling"/>, or the run defaults, when null. A segment that delivered new
    /// events before it dropped is resumed at once, and the backoff starts afresh.
    /// </summary>
    public PollingOptions? Polling { get; set; }

    /// <summary>
    /// How long a connection may stay silent (no event, no keep-alive, not a byte) before it counts as dropped and is
    /// resumed after its last event; 90 seconds by default. Time the caller spends between two reads of the sequence does
    /// not count.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = AgentStreamDefaults.IdleTimeout;
}
