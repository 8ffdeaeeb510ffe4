using System.Threading;
using Microsoft.Extensions.Time.Testing;

namespace Perplexity.Async.Tests.TestSupport;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows its pending timers, so a test can drive code that waits on it without
/// sleeping: <see cref="DriveAsync(Task, int)"/> waits until the code is blocked on a delay it started after the last
/// thing that happened (a request, or a one-shot timer this clock fired), then advances exactly to the earliest pending
/// timer, and repeats until the awaited task completes. Time therefore moves in the exact steps the code asked for.
/// </summary>
/// <remarks>
/// <para>
/// Only a one-shot timer that is not a <see cref="CancellationTokenSource"/>'s (such as <c>Task.Delay</c>'s) shows that
/// the code is blocked again. A timeout (<c>CancelAfter</c>, Polly's timeout strategy) is armed when work starts, before
/// the code has finished reacting: taking it as "blocked" would let the clock jump to it while, say, a poll is still in
/// flight. It still fires in its turn when it is the earliest timer. Code blocked on nothing but a timeout (a hung
/// request) does not settle: move the clock by hand there.
/// </para>
/// <para>
/// A periodic timer (such as a spinner's) stays pending across its ticks, so it never shows that the code went back to
/// sleep either; it always has a next tick, and counting it would let the clock run ahead of code still busy after its
/// own timer fired. A step that only ticked periodic timers woke nothing to wait for: their callbacks run inline, inside
/// <see cref="FakeTimeProvider.Advance(TimeSpan)"/>, and async work one of them starts is not waited for.
/// </para>
/// </remarks>
#pragma warning disable CA1001 // The semaphore never allocates a wait handle, so there is nothing to dispose.
internal sealed class TestClock : FakeTimeProvider
#pragma warning restore CA1001
{
    /// <summary>A whole second, so HTTP dates (second resolution) convert to exact delays.</summary>
    public static readonly DateTimeOffset Epoch = new(2025, 11, 23, 4, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan RealTimeSafetyBound = TimeSpan.FromSeconds(15);

    // Real time without any signal after which code with a pending timer counts as waiting on it.
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(5);

    private readonly object _gate = new();
    private readonly List<TrackedTimer> _timers = [];
    private readonly SemaphoreSlim _signal = new(0);
    private long _sequence;
    private long _lastEvent;

    // Whether something happened since the last step that the code will answer with a new timer: it was just started,
    // a request arrived (MarkEvent), or a one-shot timer fired. Only periodic ticks: nothing to wait for.
    private bool _awake = true;

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
        long sequence;
        lock (_gate)
        {
            sequence = ++_sequence;
            tracked.Schedule(dueTime, period, sequence);
            _timers.Add(tracked);
        }

        tracked.Inner = base.CreateTimer(static s => ((TrackedTimer)s!).Fire(), tracked, dueTime, period);
        tracked.Reconcile(dueTime, sequence);
        _signal.Release();
        return tracked;
    }

    /// <summary>Something happened that the code under test will react to (a request arrived): wait for its next timer.</summary>
    public void MarkEvent()
    {
        lock (_gate)
        {
            _lastEvent = ++_sequence;
            _awake = true;
        }
    }

    /// <summary>Advances time timer by timer until <paramref name="task"/> completes, then returns its result.</summary>
    public async Task<T> DriveAsync<T>(Task<T> task, int maxSteps = 1000, TimeSpan? minStep = null, Func<Task>? beforeStep = null)
    {
        await DriveAsync((Task)task, maxSteps, minStep, beforeStep);
        return await task;
    }

    /// <summary>Advances time timer by timer until <paramref name="task"/> completes (it may fault; await it after).</summary>
    /// <param name="task">The code under test.</param>
    /// <param name="maxSteps">The most steps before giving up.</param>
    /// <param name="minStep">When set, each step moves at least this far (past every timer due by then, in order): coarser,
    /// and far fewer steps, for long waits on a virtual clock (the benchmarks').</param>
    /// <param name="beforeStep">When set, awaited before each step once the code is settled: the benchmarks give the
    /// thread pool a moment there, so work that a step released (many callers at once) is done before time moves on.</param>
    public async Task DriveAsync(Task task, int maxSteps = 1000, TimeSpan? minStep = null, Func<Task>? beforeStep = null)
    {
        _ = task.ContinueWith(_ => _signal.Release(), TaskScheduler.Default);
        lock (_gate)
        {
            // The task may have started work since the last step (a test drives one call after another).
            _awake = true;
        }

        for (var step = 0; ; step++)
        {
            await WaitUntilSettledAsync(task);
            if (task.IsCompleted)
            {
                return;
            }

            if (beforeStep is not null)
            {
                await beforeStep();
                await WaitUntilSettledAsync(task);
                if (task.IsCompleted)
                {
                    return;
                }
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
                _awake = false;
            }

            var now = GetUtcNow();
            if (minStep is { } least && next < now + least)
            {
                next = now + least;
            }

            Advance(next > now ? next - now : TimeSpan.Zero);
        }
    }

    /// <summary>
    /// Waits (without moving time) until the code under test is blocked on a new delay, or <paramref name="task"/>
    /// completed, or the last step only ticked periodic timers.
    /// </summary>
    public async Task WaitUntilSettledAsync(Task task)
    {
        var quiet = TimeSpan.Zero;
        while (!IsSettled(task))
        {
            if (await _signal.WaitAsync(QuietPeriod))
            {
                quiet = TimeSpan.Zero;
                continue;
            }

            // Nothing happened for a while of real time and a timer is pending: the code is waiting on time, though
            // on a timer it armed before the last event (seen on a loaded 2-core machine, with many polls in flight
            // reacting to one step in an order the event bookkeeping did not foresee). Let time move on.
            quiet += QuietPeriod;
            if (HasPendingTimer())
            {
                return;
            }

            if (quiet >= RealTimeSafetyBound)
            {
                throw new TimeoutException($"The code under test neither completed nor started a timer within {RealTimeSafetyBound} of real time.");
            }
        }
    }

    private bool HasPendingTimer()
    {
        lock (_gate)
        {
            return _timers.Any(t => t.IsPending);
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

    private sealed class TrackedTimer(TestClock clock, TimerCallback callback, object? state) : ITimer
    {
        public ITimer? Inner { get; set; }

        public DateTimeOffset Due { get; private set; }

        public long Sequence { get; private set; }

        public bool IsPending { get; private set; }

        public bool IsPeriodic => Period > TimeSpan.Zero && Period != Timeout.InfiniteTimeSpan;

        /// <summary>A delay the code waits on (<c>Task.Delay</c>): one-shot, and not a <see cref="CancellationTokenSource"/>'s deadline.</summary>
        public bool IsSleep => !IsPeriodic && state is not CancellationTokenSource;

        private TimeSpan Period { get; set; }

        public void Schedule(TimeSpan dueTime, TimeSpan period, long sequence)
        {
            Sequence = sequence;
            Period = period;
            IsPending = dueTime != Timeout.InfiniteTimeSpan;
            Due = IsPending ? clock.GetUtcNow() + dueTime : DateTimeOffset.MaxValue;
        }

        /// <summary>
        /// The clock may have moved between <see cref="Schedule"/> and the inner timer's creation (another thread drove
        /// it): the inner timer is then due later than recorded, and a step to the recorded instant would not fire it, so
        /// the drive would spin on a pending timer already "due". Recorded as due no earlier than now plus its delay, a
        /// step to it always fires it.
        /// </summary>
        public void Reconcile(TimeSpan dueTime, long sequence)
        {
            lock (clock._gate)
            {
                if (IsPending && Sequence == sequence && dueTime != Timeout.InfiniteTimeSpan)
                {
                    var latest = clock.GetUtcNow() + dueTime;
                    if (latest > Due)
                    {
                        Due = latest;
                    }
                }
            }
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
                    clock._awake = true;
                }
            }

            callback(state);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            long sequence;
            lock (clock._gate)
            {
                sequence = ++clock._sequence;
                Schedule(dueTime, period, sequence);
            }

            var changed = Inner!.Change(dueTime, period);
            Reconcile(dueTime, sequence);
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
