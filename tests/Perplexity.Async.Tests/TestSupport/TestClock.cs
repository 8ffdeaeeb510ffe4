using System.Threading;
using Microsoft.Extensions.Time.Testing;

namespace Perplexity.Async.Tests.TestSupport;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows its pending timers, so a test can drive code that waits on it without
/// sleeping: <see cref="DriveAsync(Task, int)"/> waits until the code is blocked on a timer it created after the last
/// thing that happened (a request, or a timer this clock fired), then advances exactly to the earliest pending timer,
/// and repeats until the awaited task completes. Time therefore moves in the exact steps the code asked for.
/// </summary>
#pragma warning disable CA1001 // The semaphore never allocates a wait handle, so there is nothing to dispose.
internal sealed class TestClock : FakeTimeProvider
#pragma warning restore CA1001
{
    /// <summary>A whole second, so HTTP dates (second resolution) convert to exact delays.</summary>
    public static readonly DateTimeOffset Epoch = new(2025, 11, 23, 4, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan RealTimeSafetyBound = TimeSpan.FromSeconds(15);

    private readonly object _gate = new();
    private readonly List<TrackedTimer> _timers = [];
    private readonly SemaphoreSlim _signal = new(0);
    private long _sequence;
    private long _lastEvent;

    public TestClock()
        : base(Epoch)
    {
    }

    /// <summary>How far the clock has moved since it was created.</summary>
    public TimeSpan Elapsed => GetUtcNow() - Epoch;

    /// <summary>Timers created and neither fired nor disposed.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(t => t.IsPending);
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(this, callback, state);
        lock (_gate)
        {
            tracked.Schedule(dueTime, period, ++_sequence);
            _timers.Add(tracked);
        }

        tracked.Inner = base.CreateTimer(static s => ((TrackedTimer)s!).Fire(), tracked, dueTime, period);
        _signal.Release();
        return tracked;
    }

    /// <summary>Something happened that the code under test will react to (a request arrived): wait for its next timer.</summary>
    public void MarkEvent()
    {
        lock (_gate)
        {
            _lastEvent = ++_sequence;
        }
    }

    /// <summary>Advances time timer by timer until <paramref name="task"/> completes, then returns its result.</summary>
    public async Task<T> DriveAsync<T>(Task<T> task, int maxSteps = 1000)
    {
        await DriveAsync((Task)task, maxSteps);
        return await task;
    }

    /// <summary>Advances time timer by timer until <paramref name="task"/> completes (it may fault; await it after).</summary>
    public async Task DriveAsync(Task task, int maxSteps = 1000)
    {
        _ = task.ContinueWith(_ => _signal.Release(), TaskScheduler.Default);
        for (var step = 0; ; step++)
        {
            await WaitUntilSettledAsync(task);
            if (task.IsCompleted)
            {
                return;
            }

            if (step == maxSteps)
            {
                throw new InvalidOperationException($"The task did not complete within {maxSteps} timer steps ({Elapsed} of fake time).");
            }

            DateTimeOffset next;
            lock (_gate)
            {
                next = _timers.Where(t => t.IsPending).Min(t => t.Due);
                _lastEvent = ++_sequence;
            }

            var now = GetUtcNow();
            Advance(next > now ? next - now : TimeSpan.Zero);
        }
    }

    /// <summary>Waits (without moving time) until the code under test is blocked on a new timer or <paramref name="task"/> completed.</summary>
    public async Task WaitUntilSettledAsync(Task task)
    {
        while (!IsSettled(task))
        {
            if (!await _signal.WaitAsync(RealTimeSafetyBound))
            {
                throw new TimeoutException($"The code under test neither completed nor started a timer within {RealTimeSafetyBound} of real time.");
            }
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
            return _timers.Any(t => t.IsPending && t.Sequence > _lastEvent);
        }
    }

    private sealed class TrackedTimer(TestClock clock, TimerCallback callback, object? state) : ITimer
    {
        public ITimer? Inner { get; set; }

        public DateTimeOffset Due { get; private set; }

        public long Sequence { get; private set; }

        public bool IsPending { get; private set; }

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
                if (Period > TimeSpan.Zero && Period != Timeout.InfiniteTimeSpan)
                {
                    Due += Period;
                }
                else
                {
                    IsPending = false;
                }
            }

            callback(state);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                Schedule(dueTime, period, ++clock._sequence);
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
            return ValueTask.CompletedTask;
        }
    }
}
