using System;
using System.IO;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Threading;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Perplexity.Async.Transport;
using Perplexity.Async.Waiting;

namespace Perplexity.Async;

/// <summary>
/// A streamed run as the wait engine sees it: each round is one connection (the create's stream, then resumes after
/// the last sequence number seen), read with <c>System.Net.ServerSentEvents</c> until the terminal event. A drop (reset,
/// I/O error, a body that ends without the terminal event, silence past the idle timeout) is a transient failure, so
/// the engine reconnects with its backoff and failure budget; a segment that delivered new events first restarts the
/// backoff (<see cref="IResumableWaitRound"/>). Events are de-duplicated by sequence number across resumes.
/// </summary>
/// <remarks>
/// A resume answered with 400 (the replay window is over) ends the rounds with <see cref="CursorExpired"/> set: the
/// caller then polls the run to its end. A create whose stream drops, or sends a bare <c>error</c> event, before the
/// run's id arrived cannot be resumed or sent again: it throws <see cref="PerplexityCreateOutcomeUnknownException"/>.
/// </remarks>
internal sealed class AgentStreamRound : IResumableWaitRound
{
    private const string IdNeverArrived =
        "The run may exist and its id is unknown, so it can be neither resumed nor sent again (the Agent API has no idempotency key).";

    private readonly Func<CancellationToken, Task<HttpResponseMessage>>? _create;
    private readonly Func<string, long?, CancellationToken, Task<HttpResponseMessage>> _resume;
    private readonly BatchedHandOff<AgentStreamEvent> _events;
    private readonly WaitServices _services;
    private readonly TimeSpan _idleTimeout;
    private readonly AgentSseItemParser _parser;
    private readonly long _maxEventBytes;
    private string? _runId;
    private bool _progress;
    private bool _connected;
    private int _segments;
    private string? _lastDrop;
    private WaitDiagnostics? _diagnostics;

    /// <param name="create">Opens the create's stream (guarded against replay); null to resume <paramref name="runId"/>.</param>
    /// <param name="resume">Opens <c>GET /v1/responses/{id}?stream=true[&amp;starting_after=N]</c>.</param>
    /// <param name="runId">The run to resume; null with <paramref name="create"/>.</param>
    /// <param name="startingAfter">Resume after this sequence number; null for the whole stream.</param>
    /// <param name="events">Where the events go, in order, each once.</param>
    /// <param name="services">The client's clock, logger and redaction.</param>
    /// <param name="idleTimeout">How long a connection may be silent.</param>
    /// <param name="maxEventBytes">The cap on one line and one event.</param>
    public AgentStreamRound(
        Func<CancellationToken, Task<HttpResponseMessage>>? create,
        Func<string, long?, CancellationToken, Task<HttpResponseMessage>> resume,
        string? runId,
        long? startingAfter,
        BatchedHandOff<AgentStreamEvent> events,
        WaitServices services,
        TimeSpan idleTimeout,
        long maxEventBytes)
    {
        _create = create;
        _resume = resume;
        _runId = runId;
        LastSequenceNumber = startingAfter;
        _events = events;
        _services = services;
        _idleTimeout = idleTimeout;
        _maxEventBytes = maxEventBytes;
        _parser = new AgentSseItemParser(maxEventBytes, services.Redactor);
    }

    /// <summary>The run's id: given, or read from the first snapshot event of the create's stream.</summary>
    public string? RunId => _runId;

    /// <summary>The sequence number of the last event delivered (or the cursor the resume started after).</summary>
    public long? LastSequenceNumber { get; private set; }

    /// <summary>The terminal event, once delivered.</summary>
    public AgentStreamEvent? Terminal { get; private set; }

    /// <summary>The resume answered 400: the replay window is over, and the run is to be polled instead.</summary>
    public bool CursorExpired { get; private set; }

    public string SpanName => "stream " + AgentJobKind.Instance.RouteTemplate;

    public string RouteTemplate => AgentJobKind.Instance.RouteTemplate;

    public string? JobId => _runId;

    /// <inheritdoc />
    public System.Collections.Generic.IReadOnlyList<string>? JobIds => null;

    /// <inheritdoc />
    public TimeSpan? NextRoundIn => null;

    /// <summary>Delivers an event the stream did not send (the terminal one built after polling), after the last one.</summary>
    public ValueTask DeliverAsync(AgentStreamEvent e, CancellationToken cancellationToken)
    {
        LastSequenceNumber = e.SequenceNumber;
        Terminal = e;
        _events.Add(e);
        return _events.FlushAsync(cancellationToken);
    }

    public bool TakeProgress()
    {
        var progress = _progress;
        _progress = false;
        return progress;
    }

    public async ValueTask<bool> RunAsync(WaitDiagnostics diagnostics, CancellationToken cancellationToken)
    {
        _diagnostics = diagnostics;
        var response = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return true;
        }

        using (response)
        {
            try
            {
                return await ReadSegmentAsync(response, cancellationToken).ConfigureAwait(false);
            }
            catch (PerplexityException ex) when (_runId is null && _create is not null && TransientRule.IsTransient(ex, cancellationToken))
            {
                throw new PerplexityCreateOutcomeUnknownException(
                    $"The stream of a new run dropped before the run's id arrived ({_services.Redactor.Redact(ex.Message)}). {IdNeverArrived}", ex);
            }
            catch (PerplexityStreamErrorException ex) when (_runId is null && _create is not null)
            {
                // Not a drop, but the same unknown: the create may have started (and bill) a run whose id never arrived.
                throw new PerplexityCreateOutcomeUnknownException(
                    $"The stream of a new run reported an error before the run's id arrived ({_services.Redactor.Redact(ex.ErrorMessage) ?? "no message"}). {IdNeverArrived}",
                    ex);
            }
        }
    }

    public PerplexityTimeoutException CreateTimeout(TimeSpan timeout, Exception innerException, Errors.Redactor redactor) =>
        new($"Streaming run '{redactor.Redact(_runId)}' timed out after {timeout} (PollingOptions.Timeout); the last event seen was "
            + $"{(LastSequenceNumber is { } n ? "number " + n : "none")}. It keeps running on the server.", timeout, lastResponse: null, innerException);

    private async Task<HttpResponseMessage?> OpenAsync(CancellationToken cancellationToken)
    {
        _segments++;
        if (!_connected && _create is not null)
        {
            _connected = true;
            return await _create(cancellationToken).ConfigureAwait(false);
        }

        _connected = true;
        var id = _runId!;
        if (_lastDrop is not null && _services.Logger.IsEnabled(LogLevel.Information))
        {
            var redacted = _services.Redactor.Redact(id)!;
            Diagnostics.Log.StreamResumed(_services.Logger, redacted, LastSequenceNumber ?? -1, _segments, _lastDrop);
        }

        try
        {
            return await _resume(id, LastSequenceNumber, cancellationToken).ConfigureAwait(false);
        }
        catch (PerplexityBadRequestException)
        {
            if (_services.Logger.IsEnabled(LogLevel.Warning))
            {
                var redacted = _services.Redactor.Redact(id)!;
                Diagnostics.Log.StreamReplayExpired(_services.Logger, redacted, LastSequenceNumber ?? -1);
            }

            CursorExpired = true;
            return null;
        }
    }

    private async Task<bool> ReadSegmentAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var segment = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var redactor = _services.Redactor;
        EventStreamGuard? guard = null;
        try
        {
#if NET
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            guard = new EventStreamGuard(body, _services.TimeProvider, _idleTimeout, _maxEventBytes, segment);
            var parser = SseParser.Create(guard, _parser.Parse);
            var items = parser.EnumerateAsync(segment.Token).GetAsyncEnumerator(segment.Token);
            try
            {
                while (await NextAsync(items, guard, segment, cancellationToken).ConfigureAwait(false))
                {
                    if (items.Current.Data is { } e && Accept(e) && await HandOffAsync(e, guard, cancellationToken).ConfigureAwait(false))
                    {
                        return true;
                    }
                }
            }
            finally
            {
                await items.DisposeAsync().ConfigureAwait(false);
            }

            throw Dropped(new PerplexityConnectionException("The event stream ended before its terminal event."), "the body ended before the terminal event");
        }
        catch (OperationCanceledException ex) when (segment.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Dropped(
                new PerplexityTimeoutException(
                    $"The event stream was silent for {_idleTimeout} (AgentStreamingOptions.IdleTimeout).", _idleTimeout, innerException: ex),
                "it was silent for " + Errors.DurationText.Of(_idleTimeout));
        }
        catch (Exception ex) when (BodyDecoding.Failed(ex) && ex is not System.Threading.Channels.ChannelClosedException && !cancellationToken.IsCancellationRequested)
        {
            // A decompressing handler met a corrupt body: not a drop (the same bytes would come again), a protocol error.
            var error = BodyDecoding.Error(ex, response.StatusCode, redactor);
            error.JobId = _runId;
            throw error;
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw Dropped(
                new PerplexityConnectionException($"The event stream broke: {redactor.Redact(ex.Message)}", redactor.Sanitize(ex)),
                "the connection broke (" + ex.GetType().Name + ")");
        }
        finally
        {
            guard?.Dispose();
        }
    }

    /// <summary>
    /// The next event of the segment. Before waiting for the connection (the next event is not read yet), and before
    /// the segment's end is handled, the events already accepted are handed to the consumer: a batch never waits for
    /// the network or for a reconnect's backoff.
    /// </summary>
    private async ValueTask<bool> NextAsync(
        IAsyncEnumerator<SseItem<AgentStreamEvent?>> items, EventStreamGuard guard, CancellationTokenSource segment, CancellationToken cancellationToken)
    {
        var next = items.MoveNextAsync();
        if (next.IsCompletedSuccessfully)
        {
            var more = next.Result;
            if (!more)
            {
                await FlushAsync(guard, cancellationToken).ConfigureAwait(false);
            }

            return more;
        }

        if (_events.Pending > 0)
        {
            try
            {
                await FlushAsync(guard, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // The consumer stopped while the read was in flight: stop the read, and let it end before the parser goes.
                segment.Cancel();
                await ObserveAsync(next).ConfigureAwait(false);
                throw;
            }
        }

        return await next.ConfigureAwait(false);
    }

    /// <summary>Checks an event and records its sequence number; false for an event delivered before (a resume's replay).</summary>
    private bool Accept(AgentStreamEvent e)
    {
        var redactor = _services.Redactor;
        if (e is AgentErrorEvent error)
        {
            throw new PerplexityStreamErrorException(
                $"The event stream of run '{redactor.Redact(_runId) ?? "(id not yet known)"}' reported an error: "
                + $"{redactor.Redact(error.ErrorMessage) ?? "(no message)"}. The run may still be running.",
                error,
                _runId);
        }

        if (e is AgentResponseSnapshotEvent { Response: { } snapshot })
        {
            if (_runId is null)
            {
                _runId = RequestIdPath.Problem(snapshot.Id) is { } problem
                    ? throw new PerplexityProtocolException($"The streamed run's id cannot be resumed: {redactor.Redact(problem)}")
                    : snapshot.Id;
                _diagnostics?.IdentifiedJob(_runId);
            }
            else if (snapshot.Id is { } other && !string.Equals(other, _runId, StringComparison.Ordinal))
            {
                // As a GET answered for another run is refused: another run's events are never taken for this one's.
                throw new PerplexityProtocolException(
                    $"The event stream of run '{redactor.Redact(_runId)}' sent a snapshot of run '{redactor.Redact(other)}'; "
                    + "events of another run are not taken for this one's.")
                {
                    JobId = _runId,
                };
            }
        }

        if (e.HasSequenceNumber)
        {
            if (LastSequenceNumber is { } last && e.SequenceNumber <= last)
            {
                return false;
            }

            LastSequenceNumber = e.SequenceNumber;
        }

        _progress = true;
        return true;
    }

    /// <summary>Adds an accepted event to the batch, handing the batch over when it is full or the event is terminal.</summary>
    /// <returns>True after the terminal event.</returns>
    private async ValueTask<bool> HandOffAsync(AgentStreamEvent e, EventStreamGuard guard, CancellationToken cancellationToken)
    {
        if (_events.Add(e) || e.IsTerminal)
        {
            await FlushAsync(guard, cancellationToken).ConfigureAwait(false);
        }

        if (!e.IsTerminal)
        {
            return false;
        }

        Terminal = e;
        RecordTerminal(e);
        return true;
    }

    /// <summary>Hands the batch to the consumer; the time the consumer takes does not count as the connection's silence.</summary>
    private async ValueTask FlushAsync(EventStreamGuard guard, CancellationToken cancellationToken)
    {
        if (_events.Pending == 0)
        {
            return;
        }

        guard.Pause();
        await _events.FlushAsync(cancellationToken).ConfigureAwait(false);
        guard.Resume();
    }

    private static async ValueTask ObserveAsync(ValueTask<bool> read)
    {
        try
        {
            await read.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The read's own outcome does not matter any more: the reason it was stopped is thrown.
        }
    }

    /// <summary>
    /// The stream's span ends as a poll's would: the run's final status, its failure when it failed, and its usage and
    /// cost on the span and the meter. (A run the stream lost to an expired cursor is polled by a wait that records itself.)
    /// </summary>
    private void RecordTerminal(AgentStreamEvent e)
    {
        if (e is not AgentResponseSnapshotEvent { Response: { } final } || _runId is null || _diagnostics is not { } diagnostics)
        {
            return;
        }

        var kind = AgentJobKind.Instance;
        var status = kind.StatusOf(final);
        diagnostics.StatusChanged(_runId, previous: null, status);
        if (kind.IsFailure(final))
        {
            diagnostics.JobFailed(_runId, status, kind.FailureReasonOf(final));
        }
        else
        {
            diagnostics.JobCompleted(_runId);
        }

        kind.RecordTerminal(final, diagnostics);
    }

    private PerplexityException Dropped(PerplexityException exception, string reason)
    {
        _lastDrop = reason;
        exception.JobId = _runId;
        return exception;
    }
}
