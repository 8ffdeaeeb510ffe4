using System;
#if NET
using System.Diagnostics.CodeAnalysis;
#endif
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace Perplexity.Async.Waiting;

/// <summary>
/// The Polly pipeline every wait runs in, for one job (<see cref="CompletionPoller"/>) or many (<c>BatchPoller</c>):
/// an optional overall timeout around a retry strategy whose "retry" is the next poll round, with Polly's backoff, cap
/// and jitter on the client's <see cref="TimeProvider"/>, and a server's <c>Retry-After</c> honoured.
/// </summary>
internal static class PollingPipeline
{
    /// <summary>Builds the pipeline; <paramref name="shouldPollAgain"/> decides, from each round's outcome, whether another round follows.</summary>
    public static ResiliencePipeline<TResult> Build<
#if NET
        // Polly's AddRetry asks for it (its options are validated by data annotations).
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)]
#endif
        TResult>(
        string name,
        PollingSettings settings,
        TimeProvider timeProvider,
        Func<RetryPredicateArguments<TResult>, ValueTask<bool>> shouldPollAgain)
    {
        var builder = new ResiliencePipelineBuilder<TResult>
        {
            Name = name,
            TimeProvider = timeProvider,
        };
        if (settings.Timeout is { } timeout)
        {
            builder.AddTimeout(timeout);
        }

        var retry = new RetryStrategyOptions<TResult>
        {
            Name = "Poll",
            ShouldHandle = shouldPollAgain,
            MaxRetryAttempts = int.MaxValue,
            BackoffType = settings.BackoffType,
            Delay = settings.InitialDelay,
            MaxDelay = settings.MaxDelay,
            UseJitter = settings.UseJitter,
            OnRetry = args => HonourRetryAfterAsync(args, timeProvider),
        };
        if (settings.Randomizer is { } randomizer)
        {
            retry.Randomizer = randomizer;
        }

        return builder.AddRetry(retry).Build();
    }

    /// <summary>408, 429, 5xx, network errors and per-request timeouts; never the caller's cancellation.</summary>
    public static bool IsTransient(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        PerplexityApiException api => (int)api.StatusCode is 408 or 429 or (>= 500 and < 600),
        PerplexityConnectionException => !cancellationToken.IsCancellationRequested,
        PerplexityTimeoutException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>
    /// Polly 8 does not tell a delay generator the delay it computed, so a longer <c>Retry-After</c> is honoured here:
    /// this runs just before Polly's own delay and waits the difference, making the pause max(Retry-After, backoff).
    /// </summary>
    private static ValueTask HonourRetryAfterAsync<TResult>(OnRetryArguments<TResult> args, TimeProvider timeProvider)
    {
        if (args.Outcome.Exception is PerplexityApiException { RetryAfter: { } retryAfter })
        {
            var wanted = retryAfter < PollingDefaults.MaxRetryAfter ? retryAfter : PollingDefaults.MaxRetryAfter;
            var extra = wanted - args.RetryDelay;
            if (extra > TimeSpan.Zero)
            {
#if NET
                return new ValueTask(Task.Delay(extra, timeProvider, args.Context.CancellationToken));
#else
                return new ValueTask(timeProvider.Delay(extra, args.Context.CancellationToken));
#endif
            }
        }

        return default;
    }
}
