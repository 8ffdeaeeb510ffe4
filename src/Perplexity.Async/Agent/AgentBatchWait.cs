using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Perplexity.Async.Errors;
using Perplexity.Async.Waiting;

namespace Perplexity.Async;

/// <summary>
/// A wait on many Agent runs, as rounds of the one wait engine. The Agent API has no list endpoint, so every run is polled
/// by id; within the client's request budget, fairly and with a few polls in flight, without a task or a timer per run.
/// </summary>
/// <remarks>
/// <para>
/// The pending runs stand in one line, the run polled longest ago first (round robin, which is also earliest due first).
/// A round takes runs from the front while the front is due and polls them, at most
/// <see cref="AgentPollingDefaults.MaxConcurrentPolls"/> at a time, each at most once a round; unfinished runs go to the
/// back. A run is due when its last poll is at least pending runs ÷ <see cref="RequestBudgetOptions.RequestsPerSecond"/>
/// old (no spacing without a budget), so the runs' polls together stay within the budget. Between rounds the engine
/// pauses for max(backoff, time until the front is due): each run is polled about every max(backoff, runs ÷ budget).
/// </para>
/// <para>
/// A poll that fails ends the round after the answers already in are taken in, and the engine judges the failure as for
/// any wait (transient: pause and go on, within the failure budget; otherwise the wait ends, stamped with the run's id).
/// </para>
/// </remarks>
internal sealed class AgentBatchWait : IWaitRound
{
    private readonly AgentClient _client;
    private readonly TimeProvider _timeProvider;
    private readonly double? _requestsPerSecond;
    private readonly IProgress<AgentResponse>? _progress;
    private readonly string[] _ids;
    private readonly AgentBatchRun[] _runs;
    private readonly Dictionary<string, AgentBatchRun> _byId;
    private readonly object _gate = new();
    private readonly List<AgentBatchRun> _taken = new();
    private Queue<AgentBatchRun> _line;
    private int _pending;
    private bool _stopTaking;
    private WaitDiagnostics? _diagnostics;

    private AgentBatchWait(AgentClient client, string[] ids, IProgress<AgentResponse>? progress)
    {
        _client = client;
        _timeProvider = client.Waits.TimeProvider;
        _requestsPerSecond = client.Budget?.Settings.RequestsPerSecond;
        _progress = progress;
        _ids = ids;
        _byId = new Dictionary<string, AgentBatchRun>(ids.Length, StringComparer.Ordinal);
        var runs = new List<AgentBatchRun>(ids.Length);
        foreach (var id in ids)
        {
            if (!_byId.ContainsKey(id))
            {
                var run = new AgentBatchRun(id);
                _byId.Add(id, run);
                runs.Add(run);
            }
        }

        _runs = runs.ToArray();
        _line = new Queue<AgentBatchRun>(_runs);
        _pending = _runs.Length;
    }

    public string SpanName => "wait_all " + AgentJobKind.Instance.RouteTemplate;

    public string RouteTemplate => AgentJobKind.Instance.RouteTemplate;

    public string? JobId => _runs.Length == 1 ? _runs[0].Id : null;

    public IReadOnlyList<string>? JobIds => _ids;

    public TimeSpan? NextRoundIn { get; private set; }

    /// <summary>Waits until every run has finished; returns their final states in the order of <paramref name="ids"/>.</summary>
    /// <exception cref="PerplexityRunsFailedException">Every run has finished, and at least one failed or was cancelled.</exception>
    public static async Task<IReadOnlyList<AgentResponse>> WaitAsync(
        AgentClient client, string[] ids, PollingSettings settings, IProgress<AgentResponse>? progress, CancellationToken cancellationToken)
    {
        if (ids.Length == 0)
        {
            return Array.Empty<AgentResponse>();
        }

        var wait = new AgentBatchWait(client, ids, progress);
        await WaitEngine.RunAsync(wait, settings, client.Waits, cancellationToken).ConfigureAwait(false);

        var results = new AgentResponse[ids.Length];
        var anyFailed = false;
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = wait._byId[ids[i]].State!;
            anyFailed |= AgentJobKind.Instance.IsFailure(results[i]);
        }

        // A run's error message may echo the request (and so the key): the message is redacted, the responses are the API's.
        return anyFailed
            ? throw new PerplexityRunsFailedException(client.Waits.Redactor.Redact(PerplexityRunsFailedException.Describe(results))!, results)
            : results;
    }

    public async ValueTask<bool> RunAsync(WaitDiagnostics diagnostics, CancellationToken cancellationToken)
    {
        _diagnostics = diagnostics;
        _taken.Clear();
        _stopTaking = false;
        NextRoundIn = null;

        var workers = Math.Min(AgentPollingDefaults.MaxConcurrentPolls, _line.Count);
        var polls = new Task<Exception?>[workers];
        for (var i = 0; i < workers; i++)
        {
            polls[i] = PollWorkerAsync(cancellationToken);
        }

        Exception? failure = null;
        foreach (var poll in polls)
        {
            failure ??= await poll.ConfigureAwait(false);
        }

        TakeIn();
        if (failure is not null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }

        if (_pending > 0 && _line.Count > 0 && _line.Peek().LastPolledAt is { } last)
        {
            var due = last + Spacing() - _timeProvider.GetUtcNow();
            NextRoundIn = due > TimeSpan.Zero ? due : null;
        }

        return _pending == 0;
    }

    public PerplexityTimeoutException CreateTimeout(TimeSpan timeout, Exception innerException, Redactor redactor) =>
        new(redactor.Redact(DescribeTimeout(timeout))!, timeout, lastResponse: null, innerException);

    /// <summary>Polls runs from the front of the line while one is due; returns the first failure (and stops the others taking more).</summary>
    private async Task<Exception?> PollWorkerAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        while (Take() is { } run)
        {
            try
            {
                var state = await _client.PollAsync(run.Id, cancellationToken).ConfigureAwait(false)
                    ?? throw new PerplexityProtocolException($"GetAsync returned null for run '{_diagnostics?.Redactor.Redact(run.Id)}'.");
                _diagnostics?.Polled(AgentJobKind.Instance.StatusOf(state));
                run.Fetched = state;
            }
#pragma warning disable CA1031 // The failure is the round's outcome; the engine judges it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                if (ex is PerplexityException { JobId: null } perplexity)
                {
                    perplexity.JobId = run.Id;
                }

                lock (_gate)
                {
                    _stopTaking = true;
                }

                return ex;
            }
        }

        return null;
    }

    /// <summary>The front of the line, if it is due and the round goes on; null to end this worker's part of the round.</summary>
    private AgentBatchRun? Take()
    {
        lock (_gate)
        {
            if (_stopTaking || _line.Count == 0)
            {
                return null;
            }

            var front = _line.Peek();
            var now = _timeProvider.GetUtcNow();
            if (front.LastPolledAt is { } last && now - last < Spacing())
            {
                return null;
            }

            _line.Dequeue();
            front.LastPolledAt = now;
            _taken.Add(front);
            return front;
        }
    }

    /// <summary>The shortest time between two polls of one run: pending runs ÷ budget, so that all of them fit in it.</summary>
    private TimeSpan Spacing() =>
        _requestsPerSecond is { } rate ? TimeSpan.FromTicks((long)(_pending / rate * TimeSpan.TicksPerSecond)) : TimeSpan.Zero;

    /// <summary>
    /// Takes in the round's answers in the order the runs were taken: reports changes, retires finished runs, and puts the
    /// rest back in line (those a failure left unpolled at the front, polled ones at the back).
    /// </summary>
    private void TakeIn()
    {
        var unpolled = new List<AgentBatchRun>();
        var again = new List<AgentBatchRun>();
        foreach (var run in _taken)
        {
            if (run.Fetched is not { } state)
            {
                unpolled.Add(run);
                continue;
            }

            run.Fetched = null;
            run.State = state;
            Report(run, state);
            if (AgentJobKind.Instance.IsTerminal(state))
            {
                Finish(run, state);
            }
            else
            {
                again.Add(run);
            }
        }

        if (unpolled.Count > 0)
        {
            var line = new Queue<AgentBatchRun>(unpolled.Count + _line.Count + again.Count);
            foreach (var run in unpolled)
            {
                line.Enqueue(run);
            }

            foreach (var run in _line)
            {
                line.Enqueue(run);
            }

            _line = line;
        }

        foreach (var run in again)
        {
            _line.Enqueue(run);
        }
    }

    private void Report(AgentBatchRun run, AgentResponse state)
    {
        var status = AgentJobKind.Instance.StatusOf(state);
        var previous = run.Status.Reported;
        if (run.Status.Changed(status))
        {
            _diagnostics?.StatusChanged(run.Id, previous, status);
            _progress?.Report(state);
        }
    }

    private void Finish(AgentBatchRun run, AgentResponse state)
    {
        run.Finished = true;
        _pending--;
        if (_diagnostics is { } diagnostics)
        {
            if (AgentJobKind.Instance.IsFailure(state))
            {
                diagnostics.JobFailed(run.Id, AgentJobKind.Instance.StatusOf(state), AgentJobKind.Instance.FailureReasonOf(state));
            }
            else
            {
                diagnostics.JobCompleted(run.Id);
            }

            AgentJobKind.Instance.RecordTerminal(state, diagnostics);
        }
    }

    private string DescribeTimeout(TimeSpan timeout)
    {
        const int MaxNamed = 5;
        var text = new StringBuilder()
            .Append("Waiting for ").Append(_runs.Length).Append(" runs timed out after ").Append(timeout)
            .Append(" (PollingOptions.Timeout); ").Append(_runs.Length - _pending).Append(" finished, ")
            .Append(_pending).Append(" still pending: ");
        var named = 0;
        foreach (var run in _runs)
        {
            if (run.Finished)
            {
                continue;
            }

            if (named == MaxNamed)
            {
                text.Append(", …");
                break;
            }

            text.Append(named++ == 0 ? string.Empty : ", ").Append('\'').Append(run.Id).Append("' (")
                .Append(run.State is { } state ? state.Status.Value : "not seen yet").Append(')');
        }

        return text.Append(". The runs keep running on the server; JobIds holds every id.").ToString();
    }
}
