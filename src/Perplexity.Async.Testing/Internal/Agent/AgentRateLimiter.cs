using System;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>
/// A fixed-window request counter on the emulator's clock: a window opens with the first request after the last one
/// closed and lasts <see cref="EmulatorDefaults.AgentRateLimitWindow"/>. Thread-safe.
/// </summary>
internal sealed class AgentRateLimiter
{
    private readonly object _gate = new();
    private readonly int _limit;
    private DateTimeOffset _windowEnd = DateTimeOffset.MinValue;
    private int _used;

    public AgentRateLimiter(int limit) => _limit = limit;

    /// <summary>Counts one request at <paramref name="now"/>; the state to report, and whether it is over the limit.</summary>
    public AgentRateLimitState Take(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (now >= _windowEnd)
            {
                _windowEnd = now + EmulatorDefaults.AgentRateLimitWindow;
                _used = 0;
            }

            _used++;
            return new AgentRateLimitState(_limit, Math.Max(0, _limit - _used), _used, _windowEnd, _used > _limit, _windowEnd - now);
        }
    }

    /// <summary>The current window's state without counting a request.</summary>
    public AgentRateLimitState Peek(DateTimeOffset now)
    {
        lock (_gate)
        {
            var used = now >= _windowEnd ? 0 : _used;
            var end = now >= _windowEnd ? now + EmulatorDefaults.AgentRateLimitWindow : _windowEnd;
            return new AgentRateLimitState(_limit, Math.Max(0, _limit - used), used, end, false, end - now);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _windowEnd = DateTimeOffset.MinValue;
            _used = 0;
        }
    }
}
