using System;
using System.Net.Http;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Perplexity.Async.Errors;
using Perplexity.Async.Transport;

namespace Perplexity.Async.Budget;

/// <summary>
/// A client's request budget: a <see cref="TokenBucketRateLimiter"/> in manual mode, replenished from the client's
/// <see cref="TimeProvider"/>, which every attempt of every call passes through (Polly's rate limiter strategy inside
/// the transport's retries). It also listens to the service: <c>x-ratelimit-remaining</c> / <c>x-ratelimit-reset</c>
/// cap what it hands out until the reset, and a 429 empties it until <c>Retry-After</c>. Thread-safe.
/// </summary>
/// <remarks>
/// No timer ticks while nobody waits. Permits are added when a request asks (for the whole periods elapsed since the
/// last addition), and a request that has to wait sleeps on the <see cref="TimeProvider"/> until the next permit is
/// due, then adds it; the bucket's own queue keeps the waiting requests in order (oldest first). An idle client costs
/// nothing, and a test's <c>FakeTimeProvider</c> sees every wait as an ordinary delay.
/// </remarks>
internal sealed class RequestBudget : IDisposable
{
    private readonly object _gate = new();
    private readonly TokenBucketRateLimiter _bucket;
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
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.Burst,
            TokensPerPeriod = settings.PermitsPerReplenishment,
            ReplenishmentPeriod = settings.ReplenishmentPeriod,
            AutoReplenishment = false,
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
            return lease;
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

        return lease;
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

    public void Dispose() => _bucket.Dispose();

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

            // Beyond a full bucket and the line of waiting requests, more additions change nothing.
            var useful = ((long)Settings.Burst + QueuedRequests + _perPeriod - 1) / _perPeriod + 1;
            var limited = now < _allowanceUntil;
            for (var i = 0L; i < periods && i < useful; i++)
            {
                if (limited && _allowance < _perPeriod)
                {
                    // The service's window is spent: nothing more until it resets.
                    PauseUntil(_allowanceUntil);
                    return;
                }

                _bucket.TryReplenish();
                if (limited)
                {
                    _allowance -= _perPeriod;
                }
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

    /// <summary>About how long until a new request would get a permit: the pause, then the line ahead of it.</summary>
    private TimeSpan RetryAfter()
    {
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            var start = _pausedUntil > now ? _pausedUntil - now : TimeSpan.Zero;
            var periods = (QueuedRequests + _perPeriod) / _perPeriod;
            return start + TimeSpan.FromTicks(periods * _period.Ticks);
        }
    }

    private RejectedLease Reject(string reason) => new(reason, RetryAfter());

    // Callers hold _gate.
    private void Drain(long keep)
    {
        var available = _bucket.GetStatistics()?.CurrentAvailablePermits ?? 0;
        while (available > keep)
        {
            var take = (int)Math.Min(available - keep, int.MaxValue);
            using var drained = _bucket.AttemptAcquire(take);
            if (!drained.IsAcquired)
            {
                return;
            }

            available = _bucket.GetStatistics()?.CurrentAvailablePermits ?? 0;
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
