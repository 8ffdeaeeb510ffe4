using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using Microsoft.Extensions.Logging;
using Perplexity.Async.Diagnostics;

namespace Perplexity.Async.Waiting;

/// <summary>
/// Logs, traces and measures one wait, whatever its kind: a span around all its requests (the parent of their HTTP
/// spans), the poll counter, a log line per status change and per finished job, and the wait's duration. Every
/// server-supplied string (ids, statuses, error messages) is redacted before it becomes a log value or a tag.
/// </summary>
/// <remarks>
/// <see cref="WaitEngine"/> starts one per wait and disposes it; the wait's rounds report to it. Token usage and
/// cost are read by the job's kind (<see cref="JobKind{TState}.RecordTerminal"/>) and recorded here: a wait on many
/// jobs tags its span with their totals, and with no single final status.
/// </remarks>
internal sealed class WaitDiagnostics : IDisposable
{
    private readonly WaitServices _services;
    private readonly string _routeTemplate;
    private readonly string _jobLabel;
    private readonly long _startTimestamp;
    private readonly Activity? _activity;
    private readonly bool _many;
    private string? _finalStatus;
    private UsageTotals _totals;
    private string? _errorType;
    private bool _disposed;
    private int _polls;

    private WaitDiagnostics(WaitServices services, string spanName, string routeTemplate, string? jobId, IReadOnlyList<string>? jobIds)
    {
        _services = services;
        _routeTemplate = routeTemplate;
        _jobLabel = services.Redactor.Redact(jobId) ?? "(many)";
        _many = jobIds is { Count: > 1 };
        if (PerplexityTelemetry.ActivitySource.HasListeners())
        {
            _activity = PerplexityTelemetry.ActivitySource.StartActivity(spanName, ActivityKind.Internal);
            if (_activity is { IsAllDataRequested: true })
            {
                _activity.SetTag(TelemetryTags.Route, routeTemplate);
                if (jobId is not null)
                {
                    _activity.SetTag(TelemetryTags.RequestId, _jobLabel);
                }
            }
        }

        _startTimestamp = services.TimeProvider.GetTimestamp();
    }

    /// <summary>How many requests the wait has made.</summary>
    public int Polls => Volatile.Read(ref _polls);

    /// <summary>The span of the wait, when sampled.</summary>
    public Activity? Activity => _activity;

    /// <summary>Masks the API key in server-supplied text before it goes into a message.</summary>
    public Errors.Redactor Redactor => _services.Redactor;

    /// <summary>Starts the diagnostics of a wait.</summary>
    public static WaitDiagnostics Start(WaitServices services, IWaitRound round) =>
        new(services, round.SpanName, round.RouteTemplate, round.JobId, round.JobIds);

    /// <summary>
    /// Counts one request of the wait, tagged with the status it saw (redacted). Thread-safe: a wait on many runs polls
    /// from several workers at once.
    /// </summary>
    public void Polled(string status)
    {
        Interlocked.Increment(ref _polls);
        if (PerplexityTelemetry.Polls.Enabled)
        {
            PerplexityTelemetry.Polls.Add(
                1,
                new(TelemetryTags.Route, _routeTemplate),
                new(TelemetryTags.JobStatus, _services.Redactor.Redact(status)));
        }
    }

    /// <summary>Logs that a job went from <paramref name="previous"/> to <paramref name="status"/>.</summary>
    public void StatusChanged(string jobId, string? previous, string status)
    {
        // A wait on many jobs has no one final status: its span and duration carry error.type when one failed.
        _finalStatus = _many ? null : status;
        var logger = _services.Logger;
        if (logger.IsEnabled(LogLevel.Information))
        {
            var redactor = _services.Redactor;
            var id = redactor.Redact(jobId)!;
            var from = redactor.Redact(previous) ?? "none";
            var to = redactor.Redact(status)!;
            Log.PollStatusChanged(logger, id, _routeTemplate, from, to, Polls);
        }
    }

    /// <summary>Logs that a job finished successfully.</summary>
    public void JobCompleted(string jobId)
    {
        var logger = _services.Logger;
        if (logger.IsEnabled(LogLevel.Information))
        {
            var elapsed = _services.TimeProvider.GetElapsedTime(_startTimestamp).TotalMilliseconds;
            var id = _services.Redactor.Redact(jobId)!;
            Log.JobCompleted(logger, id, _routeTemplate, Polls, elapsed);
        }
    }

    /// <summary>Logs that a job ended in failure; <paramref name="status"/> becomes the wait's <c>error.type</c>.</summary>
    public void JobFailed(string jobId, string status, string? reason)
    {
        var redactor = _services.Redactor;
        _errorType ??= redactor.Redact(status);
        var logger = _services.Logger;
        if (logger.IsEnabled(LogLevel.Error))
        {
            Log.JobFailed(logger, redactor.Redact(jobId)!, _routeTemplate, Polls, redactor.Redact(reason));
        }
    }

    /// <summary>
    /// The wait learned its job's id after it started (a streamed create reads it from the first event): the span is
    /// tagged with it, redacted, as a wait that knew it from the start.
    /// </summary>
    public void IdentifiedJob(string jobId)
    {
        if (_activity is { IsAllDataRequested: true } && _activity.GetTagItem(TelemetryTags.RequestId) is null)
        {
            _activity.SetTag(TelemetryTags.RequestId, _services.Redactor.Redact(jobId));
        }
    }

    /// <summary>
    /// Records a terminal job's token usage and cost: the metrics once per job; on the span, the job's figures for a
    /// wait on one job, and the totals over every job for a wait on many (their models only when all jobs share them).
    /// Every string is redacted by the job's kind before it comes here.
    /// </summary>
    public void RecordUsage(string requestModel, string responseModel, string? responseId, long? inputTokens, long? outputTokens, decimal? totalCost)
    {
        PerplexityTelemetry.RecordUsageMetrics(requestModel, responseModel, inputTokens, outputTokens, totalCost);
        if (!_many)
        {
            PerplexityTelemetry.TagUsage(_activity, requestModel, responseModel, responseId, inputTokens, outputTokens, totalCost);
            return;
        }

        _totals.Add(requestModel, responseModel, inputTokens, outputTokens, totalCost);
    }

    /// <summary>The wait ended by an exception rather than a terminal status.</summary>
    /// <returns>Always <see langword="false"/>, so it can observe an exception from a <c>catch … when</c> filter without catching it.</returns>
    public bool Failed(Exception exception)
    {
        _errorType ??= PerplexityTelemetry.ErrorTypeOf(exception);
        _activity?.SetStatus(ActivityStatusCode.Error, _services.Redactor.Redact(exception.Message));
        return false;
    }

    /// <summary>Ends the span and records the wait duration, tagged with the last status seen.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        var elapsed = _services.TimeProvider.GetElapsedTime(_startTimestamp);
        var status = _services.Redactor.Redact(_finalStatus);
        if (_activity is { IsAllDataRequested: true })
        {
            _activity.SetTag(TelemetryTags.Polls, Polls);
            if (_many)
            {
                _totals.Tag(_activity);
            }

            if (status is not null)
            {
                _activity.SetTag(TelemetryTags.JobStatus, status);
            }

            if (_errorType is not null)
            {
                _activity.SetTag(TelemetryTags.ErrorType, _errorType);
                if (_activity.Status == ActivityStatusCode.Unset)
                {
                    _activity.SetStatus(ActivityStatusCode.Error);
                }
            }
        }

        if (PerplexityTelemetry.WaitDuration.Enabled)
        {
            var tags = new TagList { { TelemetryTags.Route, _routeTemplate } };
            if (status is not null)
            {
                tags.Add(TelemetryTags.JobStatus, status);
            }

            if (_errorType is not null)
            {
                tags.Add(TelemetryTags.ErrorType, _errorType);
            }

            PerplexityTelemetry.WaitDuration.Record(elapsed.TotalSeconds, tags);
        }

        _activity?.Dispose();
    }
}
