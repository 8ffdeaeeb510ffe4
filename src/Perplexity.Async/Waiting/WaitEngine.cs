using System;
#if NET
using System.Runtime.CompilerServices;
#endif
using System.Threading;
using System.Threading.Tasks;
using Perplexity.Async.Transport;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Perplexity.Async.Waiting;

/// <summary>
/// The one wait engine: every wait of the SDK (one job, a watch, a run, many jobs, the IChatClient adapter's paths)
/// is a single execution of a Polly pipeline whose "retry" is the next round. The pipeline is an optional overall
/// timeout around a retry strategy with Polly's backoff, cap and jitter on the client's <see cref="TimeProvider"/>;
/// the attempt count never resets, so a transient failure continues the same backoff instead of starting over.
/// </summary>
/// <remarks>
/// A round that ends the wait returns true; a round that fails transiently (<see cref="TransientRule"/>) is retried
/// until <see cref="PollingOptions.MaxConsecutiveFailures"/> failures in a row; any other exception ends the wait.
/// A <c>Retry-After</c> on a failure makes the next pause max(Retry-After, backoff) (<see cref="RetryAfterRule"/>).
/// Every exception the wait throws carries the job id; the caller's cancellation becomes a
/// <see cref="PerplexityWaitCanceledException"/> (an <see cref="OperationCanceledException"/>), the overall timeout
/// the round's <see cref="PerplexityTimeoutException"/>.
/// </remarks>
internal static class WaitEngine
{
    /// <summary>Runs rounds until one says the wait is over.</summary>
    /// <param name="round">One round of this kind of wait.</param>
    /// <param name="settings">Backoff, cap, jitter, overall timeout and failure budget.</param>
    /// <param name="services">The client's clock, logger and redaction.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public static async Task RunAsync(IWaitRound round, PollingSettings settings, WaitServices services, CancellationToken cancellationToken)
    {
        using var diagnostics = WaitDiagnostics.Start(services, round);
        try
        {
            await RunRoundsAsync(round, settings, services, diagnostics, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Stamp(ex, round.JobId) || diagnostics.Failed(ex))
        {
            // Never entered: the filters stamp the job id and record the failure, so the exception keeps its stack.
            throw;
        }
    }

    private static async Task RunRoundsAsync(
        IWaitRound round, PollingSettings settings, WaitServices services, WaitDiagnostics diagnostics, CancellationToken cancellationToken)
    {
        var run = new Run(round, settings, diagnostics);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            // ExecuteOutcomeAsync with a callback that returns its outcome (rather than ExecuteAsync, which wraps the
            // callback in an async lambda of its own) spares an unpooled state machine per round.
            var outcome = round is IResumableWaitRound
                ? await RunResumableAsync(settings, services.TimeProvider, run, context).ConfigureAwait(false)
                : await Build(settings, services.TimeProvider, run)
                    .ExecuteOutcomeAsync(static (ctx, r) => r.RoundAsync(ctx.CancellationToken), context, run)
                    .ConfigureAwait(false);
            outcome.ThrowIfException();
        }
        catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw round.CreateTimeout(ex.Timeout, ex, services.Redactor);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested && ex is not PerplexityWaitCanceledException)
        {
            throw new PerplexityWaitCanceledException(round.JobId, services.Redactor, ex, cancellationToken);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static ResiliencePipeline<bool> Build(PollingSettings settings, TimeProvider timeProvider, Run run, bool withTimeout = true)
    {
        var builder = new ResiliencePipelineBuilder<bool> { Name = "Perplexity.Async.Wait", TimeProvider = timeProvider };
        if (withTimeout && settings.Timeout is { } timeout)
        {
            builder.AddTimeout(timeout);
        }

        var retry = new RetryStrategyOptions<bool>
        {
            Name = "NextRound",
            ShouldHandle = run.ShouldRunAgainAsync,
            MaxRetryAttempts = int.MaxValue,
            BackoffType = settings.PollyBackoffType,
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

    /// <summary>
    /// A resumable wait: the overall timeout around a loop of retry executions, each ended early by a round that made
    /// progress before it failed, so the next execution starts Polly's backoff (and the failure budget) from the first
    /// delay. The failure then ending the execution is retried at once, without a delay.
    /// </summary>
    private static ValueTask<Outcome<bool>> RunResumableAsync(PollingSettings settings, TimeProvider timeProvider, Run run, ResilienceContext context)
    {
        var retry = Build(settings, timeProvider, run, withTimeout: false);
        var outer = new ResiliencePipelineBuilder<bool> { Name = "Perplexity.Async.Wait", TimeProvider = timeProvider };
        if (settings.Timeout is { } timeout)
        {
            outer.AddTimeout(timeout);
        }

        return outer.Build().ExecuteOutcomeAsync(
            static async (ctx, s) =>
            {
                Outcome<bool> outcome;
                do
                {
                    outcome = await s.Retry.ExecuteOutcomeAsync(static (c, r) => r.RoundAsync(c.CancellationToken), ctx, s.Run).ConfigureAwait(false);
                }
                while (s.Run.TakeRestart());

                return outcome;
            },
            context,
            (Retry: retry, Run: run));
    }

    /// <summary>
    /// Polly 8 does not tell a delay generator the delay it computed, so a longer <c>Retry-After</c> is honoured here:
    /// this runs just before Polly's own delay and waits the difference.
    /// </summary>
    private static ValueTask HonourRetryAfterAsync(OnRetryArguments<bool> args, TimeProvider timeProvider)
    {
        var retryAfter = args.Outcome.Exception switch
        {
            PerplexityApiException api => api.RetryAfter,
            PerplexityHandlerException handler => handler.RetryAfter,
            _ => null,
        };
        var extra = RetryAfterRule.ExtraDelay(retryAfter, args.RetryDelay);
        return extra > TimeSpan.Zero
            ? new ValueTask(TimeProviderDelay.Wait(timeProvider, extra, args.Context.CancellationToken))
            : default;
    }

    private static bool Stamp(Exception exception, string? jobId)
    {
        if (jobId is not null && exception is PerplexityException { JobId: null } perplexity)
        {
            perplexity.JobId = jobId;
        }

        return false;
    }

    /// <summary>One execution: the round, its diagnostics and the count of transient failures in a row.</summary>
    private sealed class Run
    {
        private readonly IWaitRound _round;
        private readonly int _maxConsecutiveFailures;
        private readonly WaitDiagnostics _diagnostics;
        private int _consecutiveFailures;
        private bool _restart;

        public Run(IWaitRound round, PollingSettings settings, WaitDiagnostics diagnostics)
        {
            _round = round;
            _maxConsecutiveFailures = settings.MaxConsecutiveFailures ?? int.MaxValue;
            _diagnostics = diagnostics;
        }

#if NET
        // A round suspends while its request is on the network; pooling its state machine keeps a round allocation-free.
        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
        public async ValueTask<Outcome<bool>> RoundAsync(CancellationToken cancellationToken)
        {
            try
            {
                return Outcome.FromResult(await _round.RunAsync(_diagnostics, cancellationToken).ConfigureAwait(false));
            }
#pragma warning disable CA1031 // Every exception becomes the outcome the retry predicate judges, as in Polly's own ExecuteAsync.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return Outcome.FromException<bool>(ex);
            }
        }

        /// <summary>Whether the last execution ended for a fresh start (progress, then a transient failure); asking resets it.</summary>
        public bool TakeRestart()
        {
            var restart = _restart;
            _restart = false;
            return restart;
        }

        public ValueTask<bool> ShouldRunAgainAsync(RetryPredicateArguments<bool> args)
        {
            if (args.Outcome.Exception is { } exception)
            {
                if (!TransientRule.IsTransient(exception, args.Context.CancellationToken))
                {
                    return new ValueTask<bool>(false);
                }

                if (_round is IResumableWaitRound resumable && resumable.TakeProgress())
                {
                    // Progress, then a drop: end this execution so the next one starts the backoff afresh.
                    _consecutiveFailures = 0;
                    _restart = true;
                    return new ValueTask<bool>(false);
                }

                return new ValueTask<bool>(++_consecutiveFailures < _maxConsecutiveFailures);
            }

            _consecutiveFailures = 0;
            return new ValueTask<bool>(!args.Outcome.Result);
        }
    }
}
