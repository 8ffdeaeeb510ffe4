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

namespace Perplexity.Async.Polling;

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
    public static async Task<AsyncApiChatCompletionsResponse> WaitAsync(
        AsyncCompletionsClient client,
        string requestId,
        PollingSettings settings,
        TimeProvider timeProvider,
        IProgress<AsyncApiChatCompletionsResponse>? progress,
        CancellationToken cancellationToken)
    {
        var poller = new CompletionPoller(client, requestId, settings, timeProvider, progress is null ? null : progress.Report);
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
        var pipeline = BuildPipeline();
        try
        {
            return await pipeline.ExecuteAsync(static (self, token) => self.PollOnceAsync(token), this, cancellationToken)
                .ConfigureAwait(false);
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
    }

    private ResiliencePipeline<AsyncApiChatCompletionsResponse> BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder<AsyncApiChatCompletionsResponse>
        {
            Name = "Perplexity.Async.Polling",
            TimeProvider = _timeProvider,
        };
        if (_settings.Timeout is { } timeout)
        {
            builder.AddTimeout(timeout);
        }

        var retry = new RetryStrategyOptions<AsyncApiChatCompletionsResponse>
        {
            Name = "Poll",
            ShouldHandle = ShouldPollAgainAsync,
            MaxRetryAttempts = int.MaxValue,
            BackoffType = _settings.BackoffType,
            Delay = _settings.InitialDelay,
            MaxDelay = _settings.MaxDelay,
            UseJitter = _settings.UseJitter,
            OnRetry = HonourRetryAfterAsync,
        };
        if (_settings.Randomizer is { } randomizer)
        {
            retry.Randomizer = randomizer;
        }

        return builder.AddRetry(retry).Build();
    }

    private async ValueTask<AsyncApiChatCompletionsResponse> PollOnceAsync(CancellationToken cancellationToken)
    {
        AsyncApiChatCompletionsResponse envelope;
        using (Retries.TransportRetryScope.Suppress())
        {
            // This pipeline retries failed polls on its own backoff; transport retries would multiply them.
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

        _diagnostics?.Polled(envelope);
        if (_reportedStatus != envelope.Status)
        {
            _reportedStatus = envelope.Status;
            _onStatusChange?.Invoke(envelope);
        }

        return envelope;
    }

    private ValueTask<bool> ShouldPollAgainAsync(RetryPredicateArguments<AsyncApiChatCompletionsResponse> args)
    {
        var outcome = args.Outcome;
        if (outcome.Exception is { } exception)
        {
            return new ValueTask<bool>(IsTransient(exception, args.Context.CancellationToken) && WithinFailureBudget());
        }

        return new ValueTask<bool>(outcome.Result is not { } envelope || !IsFinished(envelope));
    }

    /// <summary>
    /// Polly 8 does not tell a delay generator the delay it computed, so a longer <c>Retry-After</c> is honoured here:
    /// this runs just before Polly's own delay and waits the difference, making the pause max(Retry-After, backoff).
    /// </summary>
    private ValueTask HonourRetryAfterAsync(OnRetryArguments<AsyncApiChatCompletionsResponse> args)
    {
        if (args.Outcome.Exception is PerplexityApiException { RetryAfter: { } retryAfter })
        {
            var wanted = retryAfter < PollingDefaults.MaxRetryAfter ? retryAfter : PollingDefaults.MaxRetryAfter;
            var extra = wanted - args.RetryDelay;
            if (extra > TimeSpan.Zero)
            {
#if NET
                return new ValueTask(Task.Delay(extra, _timeProvider, args.Context.CancellationToken));
#else
                return new ValueTask(_timeProvider.Delay(extra, args.Context.CancellationToken));
#endif
            }
        }

        return default;
    }

    private bool WithinFailureBudget() =>
        ++_consecutiveFailures < (_settings.MaxConsecutiveFailures ?? int.MaxValue);

    private static bool IsFinished(AsyncApiChatCompletionsResponse envelope) =>
        envelope.Status == AsyncProcessingStatus.Failed
        || (envelope.Status == AsyncProcessingStatus.Completed && envelope.Response is not null);

    /// <summary>408, 429, 5xx, network errors and per-request timeouts; never the caller's cancellation.</summary>
    internal static bool IsTransient(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        PerplexityApiException api => (int)api.StatusCode is 408 or 429 or (>= 500 and < 600),
        PerplexityConnectionException => !cancellationToken.IsCancellationRequested,
        PerplexityTimeoutException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
