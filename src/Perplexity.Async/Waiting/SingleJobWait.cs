using System;
#if NET
using System.Runtime.CompilerServices;
#endif
using System.Threading;
using System.Threading.Tasks;

namespace Perplexity.Async.Waiting;

/// <summary>
/// A wait for one job of any kind: each round polls once (the first may use a state already in hand), reports the
/// first state and each status change, and ends on a terminal state. What to poll and what the states mean come from
/// a <see cref="JobKind{TState}"/>.
/// </summary>
/// <typeparam name="TState">The job's state.</typeparam>
internal sealed class SingleJobWait<TState> : IWaitRound
    where TState : class
{
    private readonly JobKind<TState> _kind;
    private readonly string _jobId;
    private readonly Func<string, CancellationToken, Task<TState>> _poll;
    private readonly Action<TState>? _onChange;
    private TState? _seed;
    private StatusTracker _status;
    private int _lackingResult;

    /// <param name="kind">What the states mean.</param>
    /// <param name="jobId">The job.</param>
    /// <param name="poll">One poll of the job, without transport retries (the engine retries failed rounds).</param>
    /// <param name="seed">A state already in hand (what a create returned): it counts as the first round's answer, so the
    /// first poll comes after the first delay instead of at once.</param>
    /// <param name="onChange">Told the first state seen and each status change (the terminal one included).</param>
    public SingleJobWait(JobKind<TState> kind, string jobId, Func<string, CancellationToken, Task<TState>> poll, TState? seed, Action<TState>? onChange)
    {
        _kind = kind;
        _jobId = jobId;
        _poll = poll;
        _seed = seed;
        _onChange = onChange;
    }

    /// <summary>The last state any round saw; null until one did.</summary>
    public TState? LastState { get; private set; }

    public string SpanName => "wait " + _kind.RouteTemplate;

    public string RouteTemplate => _kind.RouteTemplate;

    public string? JobId => _jobId;

    public System.Collections.Generic.IReadOnlyList<string>? JobIds => null;

    public TimeSpan? NextRoundIn => null;

#if NET
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    public async ValueTask<bool> RunAsync(WaitDiagnostics diagnostics, CancellationToken cancellationToken)
    {
        var state = _seed;
        if (state is not null)
        {
            _seed = null;
        }
        else
        {
            state = await _poll(_jobId, cancellationToken).ConfigureAwait(false)
                ?? throw new PerplexityProtocolException($"The poll of '{diagnostics.Redactor.Redact(_jobId)}' returned null.");
            diagnostics.Polled(_kind.StatusOf(state));
        }

        LastState = state;
        if (_kind.LacksResult(state))
        {
            // The result may still be being stored: look again, but not forever, and do not report it yet.
            return ++_lackingResult > PollingDefaults.MaxCompletedWithoutResponseRetries
                ? throw new PerplexityProtocolException(
                    $"'{diagnostics.Redactor.Redact(_jobId)}' is {diagnostics.Redactor.Redact(_kind.StatusOf(state))} but {_kind.MissingResult}, {_lackingResult} polls in a row.")
                : false;
        }

        _lackingResult = 0;
        var status = _kind.StatusOf(state);
        var previous = _status.Reported;
        if (_status.Changed(status))
        {
            diagnostics.StatusChanged(_jobId, previous, status);
            _onChange?.Invoke(state);
        }

        if (!_kind.IsTerminal(state))
        {
            return false;
        }

        if (_kind.IsFailure(state))
        {
            diagnostics.JobFailed(_jobId, status, _kind.FailureReasonOf(state));
        }
        else
        {
            diagnostics.JobCompleted(_jobId);
        }

        _kind.RecordTerminal(state, diagnostics);
        return true;
    }

    public PerplexityTimeoutException CreateTimeout(TimeSpan timeout, Exception innerException, Errors.Redactor redactor)
    {
        var last = LastState is null ? "no poll had answered" : "the last status seen was " + redactor.Redact(_kind.StatusOf(LastState));
        return _kind.CreateTimeout(
            $"Waiting for '{redactor.Redact(_jobId)}' timed out after {timeout} (PollingOptions.Timeout); {last}. It keeps running on the server.",
            timeout,
            LastState,
            innerException);
    }
}
