using System;

namespace Perplexity.Async;

/// <summary>The defaults of streamed runs, in one place, each with its reason; pinned by tests.</summary>
internal static class AgentStreamDefaults
{
    /// <summary>
    /// 90 seconds without a byte (no event, no keep-alive) and a stream counts as dropped: it is resumed after its last
    /// event. A research step can think for a minute between events, and servers and proxies that keep a stream open
    /// send keep-alives far more often than that; a connection silent for longer is more likely dead (a proxy that
    /// dropped it without a reset) than busy, and resuming it loses nothing.
    /// </summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(90);

    /// <summary>The longest idle timeout accepted: 1 day, Polly's own bound for delays.</summary>
    public static readonly TimeSpan MaxIdleTimeout = TimeSpan.FromDays(1);
}
