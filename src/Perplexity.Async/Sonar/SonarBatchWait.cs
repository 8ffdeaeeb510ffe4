using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Polly.Retry;
using Polly.Timeout;
using Perplexity.Async.Errors;
using Perplexity.Async.Transport;
using Perplexity.Async.Waiting;

namespace Perplexity.Async.Waiting;

/// <summary>
/// One wait on many jobs. Each round reads the job list once (following <c>next_token</c> only until every pending job
/// has been seen) to learn their statuses, and sends a GET only for a job the list shows finished (the list has no
/// response) or does not show at all (older than the pages read; such a job is polled by id from then on). It is one
/// round of the wait engine: the same backoff, jitter, <c>Retry-After</c>, transient-failure budget, overall timeout
/// and telemetry as a single wait.
/// </summary>
/// <remarks>
/// A <c>FAILED</c> job is finished like a completed one: the wait goes on until every job has finished, and then
/// throws <see cref="PerplexityJobsFailedException"/> with every envelope. A list answered with 404, 405 or 422 (the
/// API refusing the list or its <c>limit</c>) is not read again: every job is then polled by id.
/// </remarks>
internal sealed class SonarBatchWait : IWaitRound
{
    private readonly AsyncCompletionsClient _client;
    private readonly SonarJobKind _kind;
    private readonly PollingSettings _settings;
    private readonly IProgress<AsyncApiChatCompletionsResponse>? _progress;
    private readonly BatchJob[] _jobs;
    private readonly string[] _ids;
    private readonly Dictionary<string, BatchJob> _byId;
    private readonly List<BatchJob> _toFetch = new();
    private int _pending;
    private int _round;
    private int _nextToFetch;
    private bool _listUnavailable;
    private BatchJob? _missingResponse;

    private WaitDiagnostics? _diagnostics;

    private SonarBatchWait(
        AsyncCompletionsClient client,
        SonarJobKind kind,
        string[] requestIds,
        PollingSettings settings,
        IProgress<AsyncApiChatCompletionsResponse>? progress)
    {
        _client = client;
        _kind = kind;
        _settings = settings;
        _progress = progress;
        _byId = new Dictionary<string, BatchJob>(requestIds.Length, StringComparer.Ordinal);
        var jobs = new List<BatchJob>(requestIds.Length);
        foreach (var id in requestIds)
        {
            if (!_byId.ContainsKey(id))
            {
                var job = new BatchJob(id);
                _byId.Add(id, job);
                jobs.Add(job);
            }
        }

        _jobs = jobs.ToArray();
        _ids = requestIds;
        _pending = _jobs.Length;
    }

    /// <summary>
    /// Copies and checks the ids before anything is sent. Repeated ids are allowed: each job is polled once and its
    /// envelope appears at every position it was given.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="requestIds"/> is null.</exception>
    /// <exception cref="ArgumentException">An id is null, empty, whitespace, a dot segment or too long; the message gives its position.</exception>
    public static string[] ValidateIds(IEnumerable<string> requestIds, string parameterName) =>
        BatchIds.Validate(requestIds, parameterName, "request ids");

    /// <summary>Waits until every job has finished; returns their envelopes in the order of <paramref name="requestIds"/>.</summary>
    /// <exception cref="PerplexityJobsFailedException">Every job has finished, and at least one of them <c>FAILED</c>.</exception>
    public static async Task<IReadOnlyList<AsyncApiChatCompletionsResponse>> WaitAsync(
        AsyncCompletionsClient client,
        SonarJobKind kind,
        string[] requestIds,
        PollingSettings settings,
        WaitServices services,
        IProgress<AsyncApiChatCompletionsResponse>? progress,
        CancellationToken cancellationToken)
    {
        if (requestIds.Length == 0)
        {
            return Array.Empty<AsyncApiChatCompletionsResponse>();
        }

        var wait = new SonarBatchWait(client, kind, requestIds, settings, progress);
        await WaitEngine.RunAsync(wait, settings, services, cancellationToken).ConfigureAwait(false);

        var results = new AsyncApiChatCompletionsResponse[requestIds.Length];
        var anyFailed = false;
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = wait._byId[requestIds[i]].Envelope!;
            anyFailed |= kind.IsFailure(results[i]);
        }

        // The API's error_message may echo the request (and so the key): the message is redacted, the envelopes are the API's.
        return anyFailed
            ? throw new PerplexityJobsFailedException(services.Redactor.Redact(PerplexityJobsFailedException.Describe(results))!, results)
            : results;
    }

    public string SpanName => "wait_all " + _client.Route;

    public string RouteTemplate => _kind.RouteTemplate;

    public string? JobId => _jobs.Length == 1 ? _jobs[0].Id : null;

    public IReadOnlyList<string>? JobIds => _ids;

    public TimeSpan? NextRoundIn => null;

#if NET
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    public async ValueTask<bool> RunAsync(WaitDiagnostics diagnostics, CancellationToken cancellationToken)
    {
        _diagnostics = diagnostics;
        _round++;
        if (!_listUnavailable)
        {
            await ReadListAsync(cancellationToken).ConfigureAwait(false);
        }

        await FetchAsync(cancellationToken).ConfigureAwait(false);
        ReportChanges();
        return _pending == 0;
    }

    public PerplexityTimeoutException CreateTimeout(TimeSpan timeout, Exception innerException, Redactor redactor) =>
        new(redactor.Redact(DescribeTimeout(timeout))!, timeout, lastResponse: null, innerException);

    /// <summary>Reads the list until every job expected on it has been seen, or the pages run out.</summary>
    private async Task ReadListAsync(CancellationToken cancellationToken)
    {
        var unseen = 0;
        foreach (var job in _jobs)
        {
            if (!job.Finished && job.OnList)
            {
                unseen++;
            }
        }

        if (unseen == 0)
        {
            return;
        }

        var limit = Math.Min(Math.Max(unseen, PollingDefaults.MinListPageSize), PollingDefaults.MaxListPageSize);
        string? token = null;
        var guard = new NextTokenGuard(_diagnostics?.Redactor);
        try
        {
            for (var page = 1; ; page++)
            {
                var list = await _client.PollListPageAsync(token, limit, _settings.RequestOptions, cancellationToken).ConfigureAwait(false)
                    ?? throw new PerplexityProtocolException("ListPageAsync returned null.");
                _diagnostics?.Polled("list");
                foreach (var summary in list.Requests ?? Array.Empty<AsyncChatCompletionSummary>())
                {
                    if (summary?.Id is { } id && _byId.TryGetValue(id, out var job) && !job.Finished && job.OnList && job.SeenInRound != _round)
                    {
                        job.SeenInRound = _round;
                        unseen--;
                        Observe(job, summary);
                    }
                }

                if (unseen == 0 || page == PollingDefaults.MaxListPagesPerRound || string.IsNullOrEmpty(list.NextToken))
                {
                    break;
                }

                token = guard.Next(list.NextToken, page);
            }
        }
        catch (PerplexityApiException ex) when ((int)ex.StatusCode is 404 or 405 or 422)
        {
            // The API refuses the list (or its limit): poll every job by id instead, for the rest of the wait.
            _listUnavailable = true;
            foreach (var job in _jobs)
            {
                job.OnList = false;
            }

            return;
        }

        foreach (var job in _jobs)
        {
            if (!job.Finished && job.OnList && job.SeenInRound != _round)
            {
                // Older than the pages read, and new jobs only push it further down: poll it by id from now on.
                job.OnList = false;
            }
        }
    }

    private static void Observe(BatchJob job, AsyncChatCompletionSummary summary)
    {
        if (summary.Status == AsyncProcessingStatus.Completed || summary.Status == AsyncProcessingStatus.Failed)
        {
            // The list has no response and no error message: the job's own GET has them.
            job.NeedsGet = true;
        }
        else if (job.Envelope is null || job.Envelope.Status != summary.Status)
        {
            job.Envelope = new AsyncApiChatCompletionsResponse
            {
                Id = summary.Id,
                Model = summary.Model,
                CreatedAt = summary.CreatedAt,
                Status = summary.Status,
                StartedAt = summary.StartedAt,
                CompletedAt = summary.CompletedAt,
                FailedAt = summary.FailedAt,
            };
        }
    }

    /// <summary>GETs the jobs the list shows finished or does not show, a few at a time.</summary>
    private async Task FetchAsync(CancellationToken cancellationToken)
    {
        _toFetch.Clear();
        foreach (var job in _jobs)
        {
            if (!job.Finished && (job.NeedsGet || !job.OnList))
            {
                _toFetch.Add(job);
            }
        }

        if (_toFetch.Count == 0)
        {
            return;
        }

        _nextToFetch = -1;
        try
        {
            if (_toFetch.Count == 1)
            {
                await FetchWorkerAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var workers = new Task[Math.Min(PollingDefaults.MaxConcurrentGets, _toFetch.Count)];
                for (var i = 0; i < workers.Length; i++)
                {
                    workers[i] = FetchWorkerAsync(cancellationToken);
                }

                await Task.WhenAll(workers).ConfigureAwait(false);
            }
        }
        finally
        {
            // Answers that arrived count even when another GET of the round failed: the next round does not repeat them.
            foreach (var job in _toFetch)
            {
                if (job.Fetched is { } envelope)
                {
                    job.Fetched = null;
                    Accept(job, envelope);
                }
            }
        }

        if (_missingResponse is { } broken)
        {
            throw new PerplexityProtocolException(
                $"Job '{_diagnostics?.Redactor.Redact(broken.Id)}' is COMPLETED but its envelope has no response, {broken.CompletedWithoutResponse} GETs in a row.");
        }
    }

    private async Task FetchWorkerAsync(CancellationToken cancellationToken)
    {
        int index;
        while ((index = Interlocked.Increment(ref _nextToFetch)) < _toFetch.Count)
        {
            var job = _toFetch[index];
            var envelope = await _client.PollAsync(job.Id, _settings.RequestOptions, cancellationToken).ConfigureAwait(false)
                ?? throw new PerplexityProtocolException($"GetAsync returned null for job '{_diagnostics?.Redactor.Redact(job.Id)}'.");
            _diagnostics?.Polled(_kind.StatusOf(envelope));
            job.Fetched = envelope;
        }
    }

    private void Accept(BatchJob job, AsyncApiChatCompletionsResponse envelope)
    {
        job.NeedsGet = false;
        if (_kind.LacksResult(envelope))
        {
            // The result may still be being stored: look again next round, but not forever, and do not report it yet.
            if (++job.CompletedWithoutResponse > PollingDefaults.MaxCompletedWithoutResponseRetries)
            {
                _missingResponse ??= job;
            }

            return;
        }

        job.CompletedWithoutResponse = 0;
        job.Envelope = envelope;
        if (_kind.IsTerminal(envelope))
        {
            job.Finished = true;
            _pending--;
            if (_diagnostics is { } diagnostics)
            {
                if (_kind.IsFailure(envelope))
                {
                    diagnostics.JobFailed(job.Id, _kind.StatusOf(envelope), _kind.FailureReasonOf(envelope));
                }
                else
                {
                    diagnostics.JobCompleted(job.Id);
                }

                _kind.RecordTerminal(envelope, diagnostics);
            }
        }
    }

    /// <summary>Reports each job whose status changed since it was last reported, in the order the ids were given.</summary>
    private void ReportChanges()
    {
        foreach (var job in _jobs)
        {
            if (job.Envelope is { } envelope)
            {
                var status = _kind.StatusOf(envelope);
                var previous = job.Status.Reported;
                if (job.Status.Changed(status))
                {
                    _diagnostics?.StatusChanged(job.Id, previous, status);
                    _progress?.Report(envelope);
                }
            }
        }
    }

    private string DescribeTimeout(TimeSpan timeout)
    {
        const int MaxNamed = 5;
        var text = new StringBuilder()
            .Append("Waiting for ").Append(_jobs.Length).Append(" jobs timed out after ").Append(timeout)
            .Append(" (PollingOptions.Timeout); ").Append(_jobs.Length - _pending).Append(" finished, ")
            .Append(_pending).Append(" still pending: ");
        var named = 0;
        foreach (var job in _jobs)
        {
            if (job.Finished)
            {
                continue;
            }

            if (named == MaxNamed)
            {
                text.Append(", …");
                break;
            }

            text.Append(named++ == 0 ? string.Empty : ", ").Append('\'').Append(job.Id).Append("' (")
                .Append(job.Envelope is { } envelope ? envelope.Status.Value : "not seen yet").Append(')');
        }

        return text.Append(". The jobs keep running on the server.").ToString();
    }
}
