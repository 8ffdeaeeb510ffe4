using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Perplexity.Async.Transport;
using Perplexity.Async.Waiting;

namespace Perplexity.Async;

/// <summary>Streamed runs: their events in order, each once, across dropped connections.</summary>
public partial class AgentClient
{
    /// <summary>Creates a streamed run and reads its events, with the default <see cref="AgentStreamingOptions"/>.</summary>
    /// <inheritdoc cref="StreamAsync(AgentRequest, AgentStreamingOptions?, CancellationToken)"/>
    public virtual IAsyncEnumerable<AgentStreamEvent> StreamAsync(AgentRequest request, CancellationToken cancellationToken) =>
        StreamAsync(request, null, cancellationToken);

    /// <summary>
    /// Creates a run with <c>background</c> and <c>stream</c> set (<c>POST /v1/agent</c>) and yields its events in order,
    /// ending after the one terminal event (<c>response.completed</c>, <c>.incomplete</c>, <c>.failed</c> or
    /// <c>.cancelled</c>) even if the server keeps the connection open. A failed or cancelled run ends the sequence
    /// normally with its event; check <see cref="AgentStreamEvent.IsTerminal"/> and the event's type.
    /// </summary>
    /// <remarks>
    /// <para>
    /// When the connection drops (a reset, an I/O error, a body that ends without the terminal event, or silence past
    /// <see cref="AgentStreamingOptions.IdleTimeout"/>), the stream is resumed with
    /// <c>GET /v1/responses/{id}?stream=true&amp;starting_after=N</c> after the last event seen, with the backoff and the
    /// failure budget of <see cref="AgentStreamingOptions.Polling"/>: no event is yielded twice, none is missing. When the
    /// resume answers 400 (the replay window is over), the run is polled to its end instead and the sequence ends with a
    /// terminal event built from the final response (its sequence number one after the last event seen).
    /// </para>
    /// <para>
    /// The create obeys the rules of <c>CreateAsync</c>: it is never sent twice. If it may have reached the server but
    /// no usable answer came back, or its stream dropped (or sent a bare <c>error</c> event) before the run's id arrived
    /// (in the first event), it throws <see cref="PerplexityCreateOutcomeUnknownException"/>. Every other exception carries the run's id
    /// (<see cref="PerplexityException.JobId"/>). When <paramref name="cancellationToken"/> stops the stream, the run is
    /// cancelled on the server too, as <c>RunAsync</c> does (unless <see cref="PerplexityAsyncClientOptions.CancelAbandonedRuns"/>
    /// is false); a consumer that merely stops reading leaves it running.
    /// </para>
    /// </remarks>
    /// <param name="request">The run; <see cref="AgentRequest.Background"/> and <see cref="AgentRequest.Stream"/> are set for it.</param>
    /// <param name="options">The reconnects and the idle timeout; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the stream (and cancels the run, see remarks).</param>
    /// <returns>The run's events, in order, each once.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The request is certainly invalid, or sets <see cref="AgentRequest.Background"/> to false
    /// (a stream that cannot be resumed); the message names the property.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting in <paramref name="options"/> is invalid; the message names it.</exception>
    /// <exception cref="PerplexityCreateOutcomeUnknownException">The run may have started and its id is unknown.</exception>
    /// <exception cref="PerplexityStreamErrorException">The stream sent a bare <c>error</c> event after the run's id arrived.</exception>
    /// <exception cref="PerplexityProtocolException">An event was not the documented JSON, or a line or event was longer than
    /// <see cref="PerplexityAsyncClientOptions.MaxResponseContentBytes"/>.</exception>
    /// <exception cref="PerplexityWaitCanceledException"><paramref name="cancellationToken"/> stopped the stream; it carries the run id.</exception>
    /// <exception cref="PerplexityApiException">The create was refused, or a resume got a non-transient error, or too many transient failures in a row.</exception>
    public virtual IAsyncEnumerable<AgentStreamEvent> StreamAsync(AgentRequest request, AgentStreamingOptions? options = null, CancellationToken cancellationToken = default)
    {
        AgentRequestValidator.Validate(request, nameof(request));
        if (request.Background == false)
        {
            throw new ArgumentException(
                $"{nameof(AgentRequest)}.{nameof(AgentRequest.Background)} is false; StreamAsync creates a background run, whose stream can be resumed after a drop.",
                nameof(request));
        }

        var (polling, idle) = ResolveStreaming(options, nameof(options));
        var call = CreateCall(request with { Background = true, Stream = true }, stream: true);
        return WaitWatcher.StreamAsync<AgentStreamEvent>(
            (events, token) => RunStreamAsync(
                new AgentStreamRound(
                    t => SendCreateAsync(call, (c, ct) => Transport.OpenEventStreamAsync(c, ct), t),
                    OpenResumeAsync,
                    runId: null,
                    startingAfter: null,
                    events,
                    _waits,
                    idle,
                    Transport.Settings.MaxResponseContentBytes),
                polling,
                cancelOnCancellation: _cancelAbandonedRuns,
                cancellationToken,
                token),
            cancellationToken);
    }

    /// <summary>Reads the events of a run started with <c>StreamAsync</c> (or created with background and stream), with the default <see cref="AgentStreamingOptions"/>.</summary>
    /// <inheritdoc cref="ResumeStreamAsync(string, long?, AgentStreamingOptions?, CancellationToken)"/>
    public virtual IAsyncEnumerable<AgentStreamEvent> ResumeStreamAsync(string responseId, long? startingAfter, CancellationToken cancellationToken) =>
        ResumeStreamAsync(responseId, startingAfter, null, cancellationToken);

    /// <summary>
    /// Reads the events of a run created with background and stream, after <paramref name="startingAfter"/>
    /// (<c>GET /v1/responses/{responseId}?stream=true&amp;starting_after=N</c>), exactly as <c>StreamAsync</c> does after a
    /// drop: in order, each once, resumed after every drop, ending after the terminal event; when the replay window is
    /// over (400), the run is polled to its end and the sequence ends with a terminal event built from the final response.
    /// </summary>
    /// <remarks>Stopping the sequence never cancels the run.</remarks>
    /// <param name="responseId">The run's id (<c>resp_…</c>).</param>
    /// <param name="startingAfter">The sequence number of the last event already seen; null for the whole stream from its start.</param>
    /// <param name="options">The reconnects and the idle timeout; the defaults when null.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The run's events after <paramref name="startingAfter"/>, in order, each once.</returns>
    /// <exception cref="ArgumentException"><paramref name="responseId"/> is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startingAfter"/> is less than -1, or a setting in <paramref name="options"/> is invalid.</exception>
    /// <exception cref="PerplexityStreamErrorException">The stream sent a bare <c>error</c> event.</exception>
    /// <exception cref="PerplexityNotFoundException">No such run.</exception>
    /// <exception cref="PerplexityWaitCanceledException"><paramref name="cancellationToken"/> stopped the stream; it carries the run id.</exception>
    /// <exception cref="PerplexityApiException">A resume or poll got a non-transient error, or too many transient failures in a row.</exception>
    public virtual IAsyncEnumerable<AgentStreamEvent> ResumeStreamAsync(
        string responseId, long? startingAfter, AgentStreamingOptions? options = null, CancellationToken cancellationToken = default)
    {
        RequireId(responseId);
        if (startingAfter < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(startingAfter), startingAfter, "A sequence number is -1 (before the first event) or more.");
        }

        return WaitWatcher.StreamAsync(ResumeRun(responseId, startingAfter, options, cancellationToken), cancellationToken);
    }

    /// <summary>Watches a run in the given mode, with the default options.</summary>
    /// <inheritdoc cref="WatchAsync(string, AgentWatchMode, AgentStreamingOptions?, CancellationToken)"/>
    public virtual IAsyncEnumerable<AgentResponse> WatchAsync(string responseId, AgentWatchMode mode, CancellationToken cancellationToken) =>
        WatchAsync(responseId, mode, null, cancellationToken);

    /// <summary>
    /// Watches a run. <see cref="AgentWatchMode.Poll"/> is <c>WatchAsync(responseId, polling, cancellationToken)</c> with
    /// <see cref="AgentStreamingOptions.Polling"/>: one state per status change. <see cref="AgentWatchMode.Stream"/> reads
    /// the run's event stream from its start (<c>ResumeStreamAsync(responseId, null, …)</c>) and yields the run as built
    /// so far (<see cref="AgentResponseAccumulator"/>) as it changes: the searches, the sources and the answer as it is
    /// written, with no polling GET while the stream is healthy. Events that arrive apart each yield a state; events
    /// that arrive together (a replay of a finished run, a burst of text deltas) yield one state for the lot, and one
    /// at every status change among them, so the answer is not copied once per delta. Both end after the terminal state
    /// without an exception (a failed or cancelled run included): check the last item's <see cref="AgentResponse.Status"/>.
    /// </summary>
    /// <remarks>
    /// A run whose stream cannot be replayed (created without background and stream, or its replay window over) is polled
    /// in stream mode too: the sequence then yields what the stream delivered and the final state.
    /// </remarks>
    /// <param name="responseId">The run's id.</param>
    /// <param name="mode">Poll or stream.</param>
    /// <param name="options">The polling, the reconnects and the idle timeout; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the watch (never the run).</param>
    /// <returns>The run's states.</returns>
    /// <exception cref="ArgumentException"><paramref name="responseId"/> is invalid, or <paramref name="mode"/> is not a mode.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting in <paramref name="options"/> is invalid.</exception>
    public virtual IAsyncEnumerable<AgentResponse> WatchAsync(
        string responseId, AgentWatchMode mode, AgentStreamingOptions? options = null, CancellationToken cancellationToken = default)
    {
        switch (mode)
        {
            case AgentWatchMode.Poll:
                return WatchAsync(responseId, options?.Polling, cancellationToken);
            case AgentWatchMode.Stream:
                RequireId(responseId);
                var batches = WaitWatcher.StreamBatchesAsync(ResumeRun(responseId, null, options, cancellationToken), cancellationToken);
                return WatchStreamAsync(batches, cancellationToken);
            default:
                throw new ArgumentException($"{mode} is not an {nameof(AgentWatchMode)}.", nameof(mode));
        }
    }

    /// <summary>
    /// The run as built so far, once per batch of events that changed it (the events that arrived together), and at
    /// every status change inside a batch: building the run copies its answer, so one state per text delta would copy
    /// an answer of n deltas n times. Events that arrive apart, as over a network, each still yield a state.
    /// </summary>
    private static async IAsyncEnumerable<AgentResponse> WatchStreamAsync(
        IAsyncEnumerable<AgentStreamEvent[]> batches, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var accumulator = new AgentResponseAccumulator();
        AgentResponseStatus? shown = null;
        await foreach (var batch in batches.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var pending = false;
            foreach (var e in batch)
            {
                if (!accumulator.Apply(e))
                {
                    continue;
                }

                pending = true;
                if (accumulator.Status != shown && accumulator.ToResponse() is { } changed)
                {
                    shown = changed.Status;
                    pending = false;
                    yield return changed;
                }
            }

            if (pending && accumulator.ToResponse() is { } state)
            {
                shown = state.Status;
                yield return state;
            }
        }
    }

    /// <summary>The run of a resumed stream: its rounds on the wait engine, read into the hand-off it is given.</summary>
    private Func<BatchedHandOff<AgentStreamEvent>, CancellationToken, Task> ResumeRun(
        string responseId, long? startingAfter, AgentStreamingOptions? options, CancellationToken cancellationToken)
    {
        var (polling, idle) = ResolveStreaming(options, nameof(options));
        return (events, token) => RunStreamAsync(
            new AgentStreamRound(
                create: null, OpenResumeAsync, responseId, startingAfter, events, _waits, idle, Transport.Settings.MaxResponseContentBytes),
            polling,
            cancelOnCancellation: false,
            cancellationToken,
            token);
    }

    private (PollingSettings Polling, TimeSpan IdleTimeout) ResolveStreaming(AgentStreamingOptions? options, string parameterName)
    {
        var idle = options?.IdleTimeout ?? AgentStreamDefaults.IdleTimeout;
        if (idle <= TimeSpan.Zero || idle > AgentStreamDefaults.MaxIdleTimeout)
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                $"Invalid streaming options: {nameof(AgentStreamingOptions.IdleTimeout)} must be positive and at most {Errors.DurationText.Of(AgentStreamDefaults.MaxIdleTimeout)}; it is {idle}.");
        }

        return (_waits.Resolve(options?.Polling, parameterName), idle);
    }

    /// <summary>
    /// The rounds of a stream, then (when the replay window was over) the poll to its end and the terminal event built
    /// from it. A stream the caller's token stopped cancels its run when asked to.
    /// </summary>
    private async Task RunStreamAsync(
        AgentStreamRound round,
        PollingSettings polling,
        bool cancelOnCancellation,
        CancellationToken callerToken,
        CancellationToken cancellationToken)
    {
        try
        {
            await WaitEngine.RunAsync(round, polling, _waits, cancellationToken).ConfigureAwait(false);
            if (round.CursorExpired)
            {
                var final = await RunWaitAsync(round.RunId!, polling, onChange: null, seed: null, cancellationToken).ConfigureAwait(false);
                await round.DeliverAsync(AgentStreamTerminal.From(final, round.LastSequenceNumber), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (PerplexityWaitCanceledException ex) when (cancelOnCancellation && callerToken.IsCancellationRequested && round.RunId is { } id)
        {
            var stopped = await CancelAbandonedAsync(id).ConfigureAwait(false);
            var redacted = _waits.Redactor.Redact(id);
            throw new PerplexityWaitCanceledException(
                stopped
                    ? $"Streaming run '{redacted}' was cancelled, and the run was asked to stop (it stops billing once it is cancelled)."
                    : $"Streaming run '{redacted}' was cancelled; asking the run to stop failed, so it may still be running (and billing): cancel it with CancelAsync.",
                id,
                ex.InnerException,
                callerToken)
            {
                RunCancelRequested = stopped,
            };
        }
    }

    /// <summary><c>GET /v1/responses/{id}?stream=true[&amp;starting_after=N]</c>, without transport retries (the stream's rounds retry).</summary>
    private Task<HttpResponseMessage> OpenResumeAsync(string responseId, long? startingAfter, CancellationToken cancellationToken)
    {
        var call = new PerplexityRequest(HttpMethod.Get, AgentRoutes.Responses, responseId)
        {
            IdName = "response_id",
            Query = startingAfter is { } after ? "stream=true&starting_after=" + after.ToString(CultureInfo.InvariantCulture) : "stream=true",
            Accept = "text/event-stream",
            TransportRetries = false,
        };
        return Transport.OpenEventStreamAsync(call, cancellationToken);
    }
}
