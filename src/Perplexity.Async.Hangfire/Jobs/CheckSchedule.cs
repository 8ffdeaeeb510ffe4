using System;
using System.Threading.Tasks;
using Perplexity.Async.Transport;
using Perplexity.Async.Waiting;
using Polly;
using Polly.Retry;

namespace Perplexity.Async.Hangfire.Jobs;

/// <summary>
/// The delay before a run's next check. A check is a delayed Hangfire job, not a pause in a process, so the SDK's wait
/// engine cannot sleep it; the delay is still Polly's: the same retry strategy the engine builds (backoff type, initial
/// delay, cap, jitter) replayed on a clock that never waits, up to the check's number, reading the delay Polly computed
/// for it. A <c>Retry-After</c> from a failed check makes the delay at least that long (<see cref="RetryAfterRule"/>).
/// </summary>
internal sealed class CheckSchedule
{
    private readonly PollingSettings _settings;

    public CheckSchedule(PollingSettings settings) => _settings = settings;

    /// <summary>The polling settings the checks follow.</summary>
    public PollingSettings Settings => _settings;

    /// <summary>The delay after check number <paramref name="check"/> (0: after the create) before the next one.</summary>
    /// <param name="check">How many checks ran before this delay.</param>
    /// <param name="retryAfter">The server's <c>Retry-After</c> on the failure that ended the last check, if any.</param>
    public async Task<TimeSpan> DelayAfterAsync(int check, TimeSpan? retryAfter)
    {
        var target = Math.Min(Math.Max(check, 0), PerplexityHangfireDefaults.MaxSimulatedChecks);
        var delay = TimeSpan.Zero;
        var retry = new RetryStrategyOptions<bool>
        {
            Name = "Perplexity.Async.Hangfire.CheckDelay",
            ShouldHandle = static args => new ValueTask<bool>(!args.Outcome.Result),
            MaxRetryAttempts = target + 1,
            BackoffType = _settings.PollyBackoffType,
            Delay = _settings.InitialDelay,
            MaxDelay = _settings.MaxDelay,
            UseJitter = _settings.UseJitter,
            OnRetry = args =>
            {
                delay = args.RetryDelay;
                return default;
            },
        };
        if (_settings.Randomizer is { } randomizer)
        {
            retry.Randomizer = randomizer;
        }

        var pipeline = new ResiliencePipelineBuilder<bool> { TimeProvider = InstantTimeProvider.Instance }.AddRetry(retry).Build();
        var attempts = 0;
        await pipeline.ExecuteAsync(_ => new ValueTask<bool>(attempts++ > target)).ConfigureAwait(false);
        return delay + RetryAfterRule.ExtraDelay(retryAfter, delay);
    }
}
