using System;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using System.Threading.RateLimiting;
using Perplexity.Async.Budget;
using Perplexity.Async.Diagnostics;
using Perplexity.Async.Errors;
using Polly;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace Perplexity.Async.Transport;

/// <summary>
/// The Polly pipelines around every HTTP call of a client, built once from its settings: an overall timeout around
/// the whole call (retries and body included), and inside it retries of transient failures, each attempt under its
/// own timeout. All time comes from the client's <see cref="TimeProvider"/>. With a request budget, every attempt first
/// takes a permit from it (Polly's rate limiter strategy between the retries and the attempt timeout), so retries pay too.
/// </summary>
/// <remarks>
/// Retries follow the official SDKs: 408, 409, 429, 5xx, timeouts and connection errors; an
/// <c>x-should-retry: true|false</c> header overrides the status; <c>retry-after-ms</c>, then <c>Retry-After</c>,
/// sets the delay when it is between 0 and 60 s. The backoff is Polly's exponential one with jitter (decorrelated
/// jitter, median 0.5 s · 2ⁿ, capped at 8 s). Polly disposes the response of each attempt it retries. Only requests
/// that are safe to repeat are retried: GETs and cancels, legacy creates because they carry an idempotency key; an
/// Agent API create (no idempotency key) only when it provably never reached the server or was refused with 429.
/// </remarks>
internal sealed class TransportResilience
{
    private static readonly ResiliencePropertyKey<PerplexityRequest> RequestKey = new("Perplexity.Async.Request");
    private static readonly ResiliencePropertyKey<string> RejectionKey = new("Perplexity.Async.BudgetRejection");

    private readonly int _maxRetries;
    private readonly ResiliencePipeline _wholeCall;
    private readonly ResiliencePipeline<HttpResponseMessage> _retryingAttempts;
    private readonly ResiliencePipeline<HttpResponseMessage> _singleAttempt;

    public TransportResilience(RetrySettings settings, TimeProvider timeProvider, ILogger logger, Redactor redactor, RequestBudget? budget)
    {
        _maxRetries = settings.MaxRetries;

        var whole = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (settings.RequestTimeout is { } requestTimeout)
        {
            whole.AddTimeout(requestTimeout);
        }

        _wholeCall = whole.Build();
        _singleAttempt = BuildAttempts(settings, timeProvider, retry: false, logger, redactor, budget);
        _retryingAttempts = settings.MaxRetries > 0 ? BuildAttempts(settings, timeProvider, retry: true, logger, redactor, budget) : _singleAttempt;
    }

    /// <summary>Runs a whole call (send, retries, reading the body) under the request timeout.</summary>
    /// <exception cref="PerplexityTimeoutException">The request timeout ran out.</exception>
#if NET
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    public async ValueTask<T> RunAsync<T, TState>(
        PerplexityRequest request, TState state, Func<TState, CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await _wholeCall.ExecuteAsync(
                static (s, token) => s.call(s.state, token),
                (call, state),
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PerplexityTimeoutException(
                $"{request.Method.Method} {request.RouteTemplate} did not complete within {ex.Timeout} (PerplexityAsyncClientOptions.RequestTimeout).",
                ex.Timeout,
                innerException: ex);
        }
    }

    /// <summary>
    /// Sends one request: retried while the outcome is transient (if the request is safe to repeat), each attempt
    /// under the attempt timeout. Returns the last response, successful or not; throws the last exception.
    /// </summary>
    /// <exception cref="PerplexityTimeoutException">The last attempt ran out of its attempt timeout.</exception>
#if NET
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    public async ValueTask<HttpResponseMessage> SendAsync<TState>(
        PerplexityRequest request, TState state, Func<TState, CancellationToken, ValueTask<HttpResponseMessage>> attempt, CancellationToken cancellationToken)
    {
        var retried = (request.IsRetrySafe || request.RetryOnlyIfUnsent) && request.TransportRetries && _maxRetries > 0;
        var pipeline = retried ? _retryingAttempts : _singleAttempt;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            return await pipeline.ExecuteAsync(
                static (ctx, s) => s.attempt(s.state, ctx.CancellationToken),
                context,
                (attempt, state)).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var retries = retried ? $" after {_maxRetries} {(_maxRetries == 1 ? "retry" : "retries")}" : string.Empty;
            throw new PerplexityTimeoutException(
                $"{request.Method.Method} {request.RouteTemplate} got no response within {ex.Timeout} (PerplexityAsyncClientOptions.AttemptTimeout){retries}.",
                ex.Timeout,
                innerException: ex);
        }
        catch (RateLimiterRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Only the client's own budget throws this here: a handler's rejection is wrapped inside the attempt.
            var why = context.Properties.TryGetValue(RejectionKey, out var reason) ? reason : "no permit was free";
            throw new PerplexityRequestBudgetExceededException(
                $"{request.Method.Method} {request.RouteTemplate} was not sent: the client's request budget refused it ({why}). Nothing reached the server.",
                ex.RetryAfter,
                ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static ResiliencePipeline<HttpResponseMessage> BuildAttempts(
        RetrySettings settings, TimeProvider timeProvider, bool retry, ILogger logger, Redactor redactor, RequestBudget? budget)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (retry)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = RetryDefaults.BaseDelay,
                MaxDelay = RetryDefaults.MaxDelay,
                UseJitter = settings.UseJitter,
                ShouldHandle = static args => new ValueTask<bool>(
                    args.Context.Properties.TryGetValue(RequestKey, out var request) && request.RetryOnlyIfUnsent
                        ? TransientRule.IsRetriableWhenUnsentOnly(args.Outcome, args.Context.CancellationToken)
                        : TransientRule.IsTransient(args.Outcome, args.Context.CancellationToken)),
                OnRetry = args =>
                {
                    // The pause is max(Retry-After, backoff): Polly waits its backoff right after this returns.
                    var retryAfter = args.Outcome.Result is { } response ? RetryAfterRule.Read(response, timeProvider) : null;
                    var extra = RetryAfterRule.ExtraDelay(retryAfter, args.RetryDelay);
                    if (args.Context.Properties.TryGetValue(RequestKey, out var request))
                    {
                        Log.RetryScheduled(
                            logger,
                            request.Method.Method,
                            request.RouteTemplate,
                            request.RedactedRequestId(redactor),
                            args.AttemptNumber + 2,
                            (args.RetryDelay + extra).TotalMilliseconds,
                            TransientRule.Describe(args.Outcome));
                    }

                    return extra > TimeSpan.Zero ? new ValueTask(TimeProviderDelay.Wait(timeProvider, extra, args.Context.CancellationToken)) : default;
                },
            });
        }

        if (budget is not null)
        {
            // Inside the retries, so every attempt pays; outside the attempt timeout, so waiting for a permit is not
            // counted as the server being slow (MaxQueueTime bounds it).
            builder.AddRateLimiter(new RateLimiterStrategyOptions
            {
                Name = "RequestBudget",
                RateLimiter = args => budget.AcquireAsync(args.Context.CancellationToken),
                OnRejected = static args =>
                {
                    if (args.Lease.TryGetMetadata(MetadataName.ReasonPhrase, out var reason) && reason is not null)
                    {
                        args.Context.Properties.Set(RejectionKey, reason);
                    }

                    return default;
                },
            });
        }

        if (settings.AttemptTimeout is { } attemptTimeout)
        {
            builder.AddTimeout(attemptTimeout);
        }

        return builder.Build();
    }
}
