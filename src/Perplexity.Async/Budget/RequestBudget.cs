using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Perplexity.Async.Errors;
using Perplexity.Async.Transport;

namespace Perplexity.Async.Budget;

/// <summary>
/// A client's request budget, a token bucket on the client's <see cref="TimeProvider"/> that every attempt of every call
/// passes through (Polly's rate limiter strategy inside the transport's retries). It also listens to the service:
/// <c>x-ratelimit-remaining</c> / <c>x-ratelimit-reset</c> cap what it hands out until the reset, and a 429 empties it
/// until <c>Retry-After</c>. Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// The tokens are the permits of a System.Threading.RateLimiting <see cref="ConcurrencyLimiter"/> of
/// <see cref="RequestBudgetSettings.Burst"/> permits, which keeps the line of waiting requests (oldest first, at most
/// <see cref="RequestBudgetSettings.QueueLimit"/>) and hands out the permits. A request's permit is not returned when the
/// request ends but when time has earned it back: <see cref="RequestBudgetSettings.PermitsPerReplenishment"/> of the oldest
/// spent permits every <see cref="RequestBudgetSettings.ReplenishmentPeriod"/>, counted on the <see cref="TimeProvider"/>.
/// The library's own <see cref="TokenBucketRateLimiter"/> cannot do that: in manual mode its <c>TryReplenish</c> accrues
/// by <see cref="System.Diagnostics.Stopwatch"/> time (version 10; version 8 added a period per call), never by a
/// <see cref="TimeProvider"/>, so a fake clock could not drive it.
/// </para>
/// <para>
/// No timer ticks while nobody waits: permits are earned back when a request asks (for the whole periods elapsed), and a
/// request that has to wait sleeps on the <see cref="TimeProvider"/> until the next one is due. An idle client costs
/// nothing, and a test's <c>FakeTimeProvider</c> sees every wait as an ordinary delay.
/// </para>
/// </remarks>
internal sealed class RequestBudget : IDisposable
{
    private readonly object _gate = new();
    private readonly ConcurrencyLimiter _bucket;
    private readonly Queue<RateLimitLease> _spent = new();
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _period;
    private readonly int _perPeriod;

    // Permits have been added for every whole period up to this instant.
    private DateTimeOffset _replenishedUpTo;

    // No permit is added before this instant (a 429, or the service's window spent).
    private DateTimeOffset _pausedUntil;

    // Until this instant (the service's x-ratelimit-reset), at most _allowance more permits are added.
    private DateTimeOffset _allowanceUntil;
    private long _allowance;

    public RequestBudget(RequestBudgetSettings settings, TimeProvider timeProvider)
    {
        Settings = settings;
        _timeProvider = timeProvider;
        _period = settings.ReplenishmentPeriod;
        _perPeriod = settings.PermitsPerReplenishment;
        _bucket = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = settings.Burst,
            QueueLimit = settings.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _replenishedUpTo = timeProvider.GetUtcNow();
    }

    public RequestBudgetSettings Settings { get; }

    public TimeProvider TimeProvider => _timeProvider;

    /// <summary>The permits free now (after adding those due).</summary>
    public long AvailablePermits
    {
        get
        {
            CatchUp();
            return _bucket.GetStatistics()?.CurrentAvailablePermits ?? 0;
        }
    }

    /// <summary>The requests waiting for a permit.</summary>
    public long QueuedRequests => _bucket.GetStatistics()?.CurrentQueuedCount ?? 0;

    /// <summary>
    /// A permit for one attempt: at once when one is free, else after waiting in line (at most
    /// <see cref="RequestBudgetSettings.MaxQueueTime"/>); a <see cref="RejectedLease"/> when the line is full or the time ran out.
    /// </summary>
    /// <exception cref="OperationCanceledException">The caller's token was cancelled.</exception>
    public async ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        CatchUp();
        var lease = _bucket.AttemptAcquire(1);
        if (lease.IsAcquired)
        {
            return Spend(lease);
        }

        lease.Dispose();
        if (Settings.QueueLimit == 0 || Settings.MaxQueueTime <= TimeSpan.Zero)
        {
            return Reject("no permit was free and the budget does not queue (QueueLimit or MaxQueueTime is 0)");
        }

#if NET
        using var queueTime = new CancellationTokenSource(Settings.MaxQueueTime, _timeProvider);
#else
        using var queueTime = _timeProvider.CreateCancellationTokenSource(Settings.MaxQueueTime);
#endif
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, queueTime.Token);
        var pending = _bucket.AcquireAsync(1, linked.Token).AsTask();
        try
        {
            while (!pending.IsCompleted)
            {
                using var wake = CancellationTokenSource.CreateLinkedTokenSource(linked.Token);
                var sleep = TimeProviderDelay.Wait(_timeProvider, NextPermitIn(), wake.Token);
                await Task.WhenAny(pending, sleep).ConfigureAwait(false);
                wake.Cancel();
                CatchUp();
            }

            lease = await pending.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Reject($"no permit came within {DurationText.Of(Settings.MaxQueueTime)} (RequestBudget.MaxQueueTime)");
        }

        if (!lease.IsAcquired)
        {
            lease.Dispose();
            return Reject($"{Settings.QueueLimit} requests were already waiting for a permit (RequestBudget.QueueLimit)");
        }

        return Spend(lease);
    }

    /// <summary>
    /// Takes in what a response says about the service's window: a 429 empties the budget until its <c>Retry-After</c>
    /// (or <c>x-ratelimit-reset</c>, or <see cref="RequestBudgetDefaults.PauseAfter429"/>); otherwise
    /// <c>x-ratelimit-remaining</c> caps the permits handed out until <c>x-ratelimit-reset</c>.
    /// </summary>
    public void Observe(HttpResponseMessage response)
    {
        var info = RateLimitHeaders.Read(response);
        var now = _timeProvider.GetUtcNow();
        if ((int)response.StatusCode == 429)
        {
            var until = RetryAfterRule.Read(response, _timeProvider) is { } retryAfter
                ? now + (retryAfter < RetryDefaults.MaxServerDelay ? retryAfter : RetryDefaults.MaxServerDelay)
                : info?.ResetAt is { } reset && reset > now && reset - now <= RetryDefaults.MaxServerDelay
                    ? reset
                    : now + RequestBudgetDefaults.PauseAfter429;
            lock (_gate)
            {
                Drain(0);
                PauseUntil(until);
            }

            return;
        }

        if (info is not { Remaining: { } remaining, ResetAt: { } resetAt } || resetAt <= now || resetAt - now > RetryDefaults.MaxServerDelay)
        {
            return;
        }

        lock (_gate)
        {
            // What is in the bucket counts against what the service still allows; beyond that, only the difference.
            var available = _bucket.GetStatistics()?.CurrentAvailablePermits ?? 0;
            var keep = Math.Max(0, remaining);
            if (available > keep)
            {
                Drain(keep);
                available = keep;
            }

            var extra = keep - available;
            if (extra <= 0)
            {
                PauseUntil(resetAt);
            }
            else if (resetAt != _allowanceUntil || extra < _allowance)
            {
                _allowance = extra;
                _allowanceUntil = resetAt;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            while (_spent.Count > 0)
            {
                _spent.Dequeue().Dispose();
            }
        }

        _bucket.Dispose();
    }

    /// <summary>Keeps a permit until time earns it back; the request gets a lease whose disposal returns nothing.</summary>
    private GrantedLease Spend(RateLimitLease lease)
    {
        lock (_gate)
        {
            _spent.Enqueue(lease);
        }

        return GrantedLease.Instance;
    }

    /// <summary>Adds the permits of every whole period elapsed, within the pause and the service's allowance.</summary>
    private void CatchUp()
    {
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            if (now < _pausedUntil)
            {
                return;
            }

            var periods = (now - _replenishedUpTo).Ticks / _period.Ticks;
            if (periods <= 0)
            {
                return;
            }

            _replenishedUpTo += TimeSpan.FromTicks(periods * _period.Ticks);

            // Returning a spent permit grants it to the oldest waiting request, if any; a full bucket stays full. Counted
            // first, so a permit spent while these are returned waits for its own turn.
            var returning = Math.Min(periods * _perPeriod, _spent.Count);
            var windowSpent = false;
            if (now < _allowanceUntil)
            {
                if (_allowance < returning)
                {
                    returning = Math.Max(0, _allowance);
                    windowSpent = true;
                }

                _allowance -= returning;
            }

            for (var i = 0L; i < returning; i++)
            {
                _spent.Dequeue().Dispose();
            }

            if (windowSpent)
            {
                // The service's window is spent: nothing more until it resets.
                PauseUntil(_allowanceUntil);
            }
        }
    }

    /// <summary>How long until the next permit is due (never zero, so a waiting request never spins).</summary>
    private TimeSpan NextPermitIn()
    {
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            var next = _replenishedUpTo + _period;
            if (next < _pausedUntil)
            {
                next = _pausedUntil;
            }

            var wait = next - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.FromTicks(1);
        }
    }

    /// <summary>About how long until a new request would get a permit: the next addition (or the pause's end), then the line ahead of it.</summary>
    private TimeSpan RetryAfter()
    {
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            var next = _replenishedUpTo + _period;
            if (next < _pausedUntil)
            {
                next = _pausedUntil;
            }

            var ahead = QueuedRequests / _perPeriod;
            var wait = next - now + TimeSpan.FromTicks(ahead * _period.Ticks);
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
    }

    private RejectedLease Reject(string reason) => new(reason, RetryAfter());

    // Callers hold _gate. The drained permits are spent: time earns them back like any other.
    private void Drain(long keep)
    {
        var available = _bucket.GetStatistics()?.CurrentAvailablePermits ?? 0;
        for (; available > keep; available--)
        {
            var drained = _bucket.AttemptAcquire(1);
            if (!drained.IsAcquired)
            {
                drained.Dispose();
                return;
            }

            _spent.Enqueue(drained);
        }
    }

    // Callers hold _gate. The first permit after the pause comes at its end.
    private void PauseUntil(DateTimeOffset until)
    {
        if (until <= _pausedUntil)
        {
            return;
        }

        _pausedUntil = until;
        var resume = until - _period;
        if (resume > _replenishedUpTo)
        {
            _replenishedUpTo = resume;
        }
    }
}
