using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Perplexity.Async.Diagnostics;
using Perplexity.Async.Transport;

namespace Perplexity.Async.Waiting;

/// <summary>
/// One wait on one job. The whole wait is a single execution of a Polly pipeline: an optional overall timeout around
/// a retry strategy whose "retry" is the next poll. A poll is retried while the job is not finished or the poll failed
/// transiently, with Polly's backoff, cap and jitter on the client's <see cref="TimeProvider"/>; the attempt count
/// never resets, so a transient failure continues the same backoff instead of starting over.
/// </summary>
/// <remarks>
/// Each status change (the first state seen, then every different status) is handed to a callback: a progress
/// report for <see cref="WaitAsync"/>, a channel item for <see cref="WatchAsync"/>. A <c>COMPLETED</c> envelope
/// without its response is not a change yet: it is polled again a bounded number of times.
/// </remarks>
internal sealed class CompletionPoller
{
    private readonly AsyncCompletionsClient _client;
    private readonly string _requestId;
    private readonly PollingSettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly Action<AsyncApiChatCompletionsResponse>? _onStatusChange;
    private WaitDiagnostics? _diagnostics;
    private AsyncApiChatCompletionsResponse? _seed;
    private AsyncProcessingStatus? _reportedStatus;
    private int _consecutiveFailures;
    private int _completedWithoutResponse;

    private CompletionPoller(
        AsyncCompletionsClient client,
        string requestId,
        PollingSettings settings,
        TimeProvider timeProvider,
        Action<AsyncApiChatCompletionsResponse>? onStatusChange)
    {
        _client = client;
        _requestId = requestId;
        _settings = settings;
        _timeProvider = timeProvider;
        _onStatusChange = onStatusChange;
    }

    /// <summary>The last envelope any poll returned; null until one answered.</summary>
    public AsyncApiChatCompletionsResponse? LastResponse { get; private set; }

    /// <summary>Polls until the job is <c>COMPLETED</c> with its response, reporting each status change.</summary>
    /// <param name="client">Whose <c>GetAsync</c> polls.</param>
    /// <param name="requestId">The job.</param>
    /// <param name="settings">The backoff, timeout and request options.</param>
    /// <param name="timeProvider">The clock of the delays and the timeout.</param>
    /// <param name="progress">Told each status change.</param>
    /// <param name="seed">
    /// A state of the job already in hand (the envelope <c>CreateAsync</c> returned): it counts as the first poll's
    /// answer, so the first GET comes after the first delay instead of at once.
    /// </param>
    /// <param name="cancellationToken">Stops the wait.</param>
    public static async Task<AsyncApiChatCompletionsResponse> WaitAsync(
        AsyncCompletionsClient client,
        string requestId,
        PollingSettings settings,
        TimeProvider timeProvider,
        IProgress<AsyncApiChatCompletionsResponse>? progress,
        AsyncApiChatCompletionsResponse? seed,
        CancellationToken cancellationToken)
    {
        var poller = new CompletionPoller(client, requestId, settings, timeProvider, progress is null ? null : progress.Report) { _seed = seed };
        var final = await poller.RunAsync(cancellationToken).ConfigureAwait(false);
        // The API's error_message may echo the request (and so the key): the message is redacted, the envelope is the API's.
        return final.Status == AsyncProcessingStatus.Failed
            ? throw new PerplexityJobFailedException(
                client.Settings?.Redact(PerplexityJobFailedException.Describe(final)) ?? PerplexityJobFailedException.Describe(final), final)
            : final;
    }

    /// <summary>
    /// Yields the first state seen and then one item per status change, ending after the terminal one (a
    /// <c>FAILED</c> item included: it ends the sequence without an exception).
    /// </summary>
    public static async IAsyncEnumerable<AsyncApiChatCompletionsResponse> WatchAsync(
        AsyncCompletionsClient client,
        string requestId,
        PollingSettings settings,
        TimeProvider timeProvider,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The poll loop runs as one Polly execution, so it cannot yield; it hands status changes to the consumer
        // through a channel instead. A handful of items at most, so unbounded is fine.
        var changes = Channel.CreateUnbounded<AsyncApiChatCompletionsResponse>(
            new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var poller = new CompletionPoller(client, requestId, settings, timeProvider, envelope => changes.Writer.TryWrite(envelope));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = poller.RunThenCompleteAsync(changes.Writer, stop.Token);
        try
        {
            while (await changes.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (changes.Reader.TryRead(out var envelope))
                {
                    yield return envelope;
                }
            }

            // Surfaces why the polling stopped when it was not a terminal status.
            await run.ConfigureAwait(false);
        }
        finally
        {
            if (!run.IsCompleted)
            {
                // The consumer stopped early: stop polling, and do not leave the loop running behind it.
                stop.Cancel();
                await Task.WhenAny(run).ConfigureAwait(false);
            }

            _ = run.Exception;
        }
    }

    private async Task<AsyncApiChatCompletionsResponse> RunThenCompleteAsync(
        ChannelWriter<AsyncApiChatCompletionsResponse> writer, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private async Task<AsyncApiChatCompletionsResponse> RunAsync(CancellationToken cancellationToken)
    {
        using var diagnostics = _client.Settings is { } clientSettings
            ? WaitDiagnostics.Start(clientSettings, _client.Route, _requestId)
            : null;
        _diagnostics = diagnostics;
        try
        {
            return await RunPipelineAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (diagnostics is not null && diagnostics.Failed(ex))
        {
            throw;
        }
    }

    private async Task<AsyncApiChatCompletionsResponse> RunPipelineAsync(CancellationToken cancellationToken)
    {
        var pipeline = PollingPipeline.Build<AsyncApiChatCompletionsResponse>(
            "Perplexity.Async.Polling", _settings, _timeProvider, ShouldPollAgainAsync);

        // This pipeline retries failed polls on its own backoff; transport retries would multiply them. One scope for
        // the whole wait (it ends with this method), not one per poll: setting an AsyncLocal allocates.
        using var noTransportRetries = TransportRetryScope.Suppress();

        // ExecuteOutcomeAsync with a callback that returns its outcome (rather than ExecuteAsync, which wraps the
        // callback in an async lambda of its own) spares an unpooled state machine per poll that waits on the network.
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(static (ctx, self) => self.PollOutcomeAsync(ctx.CancellationToken), context, this)
                .ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var last = LastResponse is null ? "no poll had answered" : "the last status seen was " + LastResponse.Status;
            throw new PerplexityTimeoutException(
                $"Waiting for job '{_requestId}' timed out after {ex.Timeout} (PollingOptions.Timeout); {last}. The job keeps running on the server.",
                ex.Timeout,
                LastResponse,
                ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

#if NET
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    private async ValueTask<Outcome<AsyncApiChatCompletionsResponse>> PollOutcomeAsync(CancellationToken cancellationToken)
    {
        try
        {
            return Outcome.FromResult(await PollOnceAsync(cancellationToken).ConfigureAwait(false));
        }
#pragma warning disable CA1031 // Every exception becomes the outcome the retry predicate judges, as in Polly's own ExecuteAsync.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Outcome.FromException<AsyncApiChatCompletionsResponse>(ex);
        }
    }

#if NET
    // Each poll suspends while the GET is on the network; pooling its state machine keeps a round allocation-free.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    private async ValueTask<AsyncApiChatCompletionsResponse> PollOnceAsync(CancellationToken cancellationToken)
    {
        var envelope = _seed;
        var polled = envelope is null;
        if (!polled)
        {
            _seed = null;
        }
        else
        {
            envelope = await _client.GetAsync(_requestId, _settings.RequestOptions, cancellationToken).ConfigureAwait(false);
        }

        if (envelope is null)
        {
            throw new PerplexityProtocolException($"GetAsync returned null for job '{_requestId}'.");
        }

        _consecutiveFailures = 0;
        LastResponse = envelope;
        if (envelope.Status == AsyncProcessingStatus.Completed && envelope.Response is null)
        {
            // The result may still be being stored: look again, but not forever, and do not report it yet.
            if (++_completedWithoutResponse > PollingDefaults.MaxCompletedWithoutResponseRetries)
            {
                throw new PerplexityProtocolException(
                    $"Job '{_requestId}' is COMPLETED but its envelope has no response, {_completedWithoutResponse} polls in a row.");
            }

            return envelope;
        }

        if (polled)
        {
            _diagnostics?.Polled(envelope);
        }

        if (_reportedStatus != envelope.Status)
        {
            _reportedStatus = envelope.Status;
            if (_onStatusChange is { } onStatusChange)
            {
                using (TransportRetryScope.Lift())
                {
                    onStatusChange(envelope);
                }
            }
        }

        return envelope;
    }

    private ValueTask<bool> ShouldPollAgainAsync(RetryPredicateArguments<AsyncApiChatCompletionsResponse> args)
    {
        var outcome = args.Outcome;
        if (outcome.Exception is { } exception)
        {
            return new ValueTask<bool>(PollingPipeline.IsTransient(exception, args.Context.CancellationToken) && WithinFailureBudget());
        }

        return new ValueTask<bool>(outcome.Result is not { } envelope || !IsFinished(envelope));
    }

    private bool WithinFailureBudget() =>
        ++_consecutiveFailures < (_settings.MaxConsecutiveFailures ?? int.MaxValue);

    private static bool IsFinished(AsyncApiChatCompletionsResponse envelope) =>
        envelope.Status == AsyncProcessingStatus.Failed
        || (envelope.Status == AsyncProcessingStatus.Completed && envelope.Response is not null);
}
