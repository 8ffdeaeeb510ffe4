using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Perplexity.Async.Testing.Internal;

/// <summary>
/// The emulator's clock and the clock of the clients <see cref="PerplexityEmulator.CreateClient"/> makes: the user's
/// <see cref="TimeProvider"/>, with every timer created through it known, so
/// <c>PerplexityEmulator.RunUntilCompletedAsync</c> can tell when the code under test is blocked on a delay and move a
/// fake clock exactly to the earliest pending timer, instead of a test advancing by hand in a loop.
/// </summary>
/// <remarks>
/// A one-shot timer that is not a <see cref="CancellationTokenSource"/>'s (a <c>Task.Delay</c>) shows the code is
/// blocked again; a timeout (<c>CancelAfter</c>, Polly's timeout) is armed when work starts, so it does not, though it
/// still fires in its turn when it is the earliest timer. A request that reaches the emulator (<see cref="MarkEvent"/>)
/// means the code will answer it with a new timer.
/// </remarks>
#pragma warning disable CA1001 // The semaphore is only released and awaited, never given a wait handle: nothing to dispose.
internal sealed class TrackingTimeProvider : TimeProvider
#pragma warning restore CA1001
{
    private readonly TimeProvider _inner;
    private readonly object _gate = new();
    private readonly List<TrackedTimer> _timers = [];
    private readonly SemaphoreSlim _signal = new(0);
    private long _sequence;
    private long _lastEvent;
    private bool _awake = true;

    public TrackingTimeProvider(TimeProvider inner) => _inner = inner;

    /// <summary>The clock this one delegates to: the one the user gave.</summary>
    public TimeProvider Inner => _inner;

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(this, callback, state);
        lock (_gate)
        {
            tracked.Schedule(dueTime, period, ++_sequence);
            _timers.Add(tracked);
        }

        // The caller's state goes through unchanged: a clock under it (a test's own FakeTimeProvider subclass) may tell a
        // CancellationTokenSource's deadline from a delay by it.
        tracked.Inner = _inner.CreateTimer(_ => tracked.Fire(), state, dueTime, period);
        _signal.Release();
        return tracked;
    }

    /// <summary>A request arrived: the code will react to its answer, so wait for its next timer.</summary>
    public void MarkEvent()
    {
        lock (_gate)
        {
            _lastEvent = ++_sequence;
            _awake = true;
        }

        _signal.Release();
    }

    /// <summary>Signals when <paramref name="task"/> completes, so a settle wait ends at once.</summary>
    public void Watch(Task task)
    {
        _ = task.ContinueWith(_ => _signal.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        lock (_gate)
        {
            _awake = true;
        }
    }

    /// <summary>
    /// Waits (without moving time) until <paramref name="task"/> completed or the code is blocked on a delay it started
    /// after the last step; false when <paramref name="realTimeLimit"/> of real time passed first.
    /// </summary>
    public async Task<bool> WaitUntilSettledAsync(Task task, TimeSpan realTimeLimit, CancellationToken cancellationToken)
    {
        while (!IsSettled(task))
        {
            if (!await _signal.WaitAsync(realTimeLimit, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The earliest pending timer's due time, marking the step taken; null when no timer is pending.</summary>
    public DateTimeOffset? TakeStep()
    {
        lock (_gate)
        {
            var pending = _timers.Where(t => t.IsPending).ToList();
            _lastEvent = ++_sequence;
            _awake = false;
            return pending.Count == 0 ? null : pending.Min(t => t.Due);
        }
    }

    private bool IsSettled(Task task)
    {
        if (task.IsCompleted)
        {
            return true;
        }

        lock (_gate)
        {
            return !_awake || _timers.Any(t => t.IsPending && t.IsSleep && t.Sequence > _lastEvent);
        }
    }

    private sealed class TrackedTimer(TrackingTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        public ITimer? Inner { get; set; }

        public DateTimeOffset Due { get; private set; }

        public long Sequence { get; private set; }

        public bool IsPending { get; private set; }

        public bool IsSleep => !IsPeriodic && state is not CancellationTokenSource;

        private bool IsPeriodic => Period > TimeSpan.Zero && Period != Timeout.InfiniteTimeSpan;

        private TimeSpan Period { get; set; }

        public void Schedule(TimeSpan dueTime, TimeSpan period, long sequence)
        {
            Sequence = sequence;
            Period = period;
            IsPending = dueTime != Timeout.InfiniteTimeSpan;
            Due = IsPending ? clock.GetUtcNow() + dueTime : DateTimeOffset.MaxValue;
        }

        public void Fire()
        {
            lock (clock._gate)
            {
                if (IsPeriodic)
                {
                    Due += Period;
                }
                else
                {
                    IsPending = false;
                    clock._timers.Remove(this);
                    clock._awake = true;
                }
            }

            callback(state);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                Schedule(dueTime, period, ++clock._sequence);
                if (!clock._timers.Contains(this))
                {
                    clock._timers.Add(this);
                }
            }

            var changed = Inner!.Change(dueTime, period);
            clock._signal.Release();
            return changed;
        }

        public void Dispose()
        {
            lock (clock._gate)
            {
                IsPending = false;
                clock._timers.Remove(this);
            }

            Inner?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
