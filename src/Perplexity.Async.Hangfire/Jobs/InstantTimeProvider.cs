using System;
using System.Threading;

namespace Perplexity.Async.Hangfire.Jobs;

/// <summary>
/// A clock whose timers fire at once (on the thread pool): <see cref="CheckSchedule"/> replays Polly's delays on it
/// without waiting them. Its time is the system's; nothing else uses it.
/// </summary>
internal sealed class InstantTimeProvider : TimeProvider
{
    public static InstantTimeProvider Instance { get; } = new();

    private InstantTimeProvider()
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class Timer : ITimer
    {
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private int _disposed;

        public Timer(TimerCallback callback, object? state)
        {
            _callback = callback;
            _state = state;
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (Volatile.Read(ref _disposed) == 0 && dueTime != Timeout.InfiniteTimeSpan)
            {
                ThreadPool.QueueUserWorkItem(static s => ((Timer)s!).Fire(), this);
            }

            return true;
        }

        public void Dispose() => Volatile.Write(ref _disposed, 1);

        public System.Threading.Tasks.ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }

        private void Fire()
        {
            if (Volatile.Read(ref _disposed) == 0)
            {
                _callback(_state);
            }
        }
    }
}
