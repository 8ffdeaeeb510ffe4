using System;
using System.Diagnostics;
using Perplexity.Async.Errors;
using Perplexity.Async.Transport;
using Perplexity.Async.Diagnostics;

namespace Perplexity.Async.Waiting;

/// <summary>
/// Logs, traces and measures one wait for a job: a <c>wait {route}/{api_request}</c> span around all the polls,
/// a log line per status change, the poll counter, the wait duration and, once completed, token usage and cost.
/// </summary>
/// <remarks>
/// The poller creates one with <see cref="Start"/>, calls <see cref="Polled"/> with every envelope it gets,
/// <see cref="Failed"/> if the wait ends by an exception (timeout, cancellation, API error), and disposes it.
/// The span is the parent of the HTTP spans of the polls.
/// </remarks>
internal sealed class WaitDiagnostics : IDisposable
{
    private readonly ClientSettings _settings;
    private readonly string _routeTemplate;
    private readonly string _requestId;
    private readonly long _startTimestamp;
    private readonly Activity? _activity;
    private AsyncProcessingStatus? _status;
    private string? _errorType;
    private bool _disposed;

    private WaitDiagnostics(ClientSettings settings, string route, string requestId)
    {
        _settings = settings;
        _routeTemplate = route + "/{api_request}";
        _requestId = requestId;
        if (PerplexityTelemetry.ActivitySource.HasListeners())
        {
            _activity = PerplexityTelemetry.ActivitySource.StartActivity("wait " + _routeTemplate, ActivityKind.Internal);
            if (_activity is { IsAllDataRequested: true })
            {
                _activity.SetTag(TelemetryTags.Route, _routeTemplate);
                _activity.SetTag(TelemetryTags.RequestId, requestId);
            }
        }

        _startTimestamp = settings.TimeProvider.GetTimestamp();
    }

    /// <summary>How many envelopes <see cref="Polled"/> has seen.</summary>
    public int Polls { get; private set; }

    /// <summary>The span of the wait, when sampled.</summary>
    public Activity? Activity => _activity;

    /// <summary>Starts the diagnostics of a wait for <paramref name="requestId"/> on <paramref name="route"/> (for example <c>v1/async/sonar</c>).</summary>
    public static WaitDiagnostics Start(ClientSettings settings, string route, string requestId)
    {
        if (settings is null)
        {
            throw new ArgumentNullException(nameof(settings));
        }

        return new WaitDiagnostics(
            settings,
            route ?? throw new ArgumentNullException(nameof(route)),
            requestId ?? throw new ArgumentNullException(nameof(requestId)));
    }

    /// <summary>
    /// Records one poll's answer: counts it, logs a status change, and when the job is terminal logs how it ended
    /// and (for <c>COMPLETED</c>) records token usage and cost.
    /// </summary>
    public void Polled(AsyncApiChatCompletionsResponse envelope)
    {
        if (envelope is null)
        {
            throw new ArgumentNullException(nameof(envelope));
        }

        Polls++;
        var status = envelope.Status;
        if (PerplexityTelemetry.Polls.Enabled)
        {
            PerplexityTelemetry.Polls.Add(
                1,
                new(TelemetryTags.Route, _routeTemplate),
                new(TelemetryTags.JobStatus, status.Value));
        }

        if (_status != status)
        {
            Log.PollStatusChanged(_settings.Logger, _requestId, _routeTemplate, _status?.Value ?? "none", status.Value, Polls);
            _status = status;
        }

        if (status == AsyncProcessingStatus.Completed)
        {
            var elapsed = _settings.TimeProvider.GetElapsedTime(_startTimestamp);
            Log.JobCompleted(_settings.Logger, _requestId, _routeTemplate, Polls, elapsed.TotalMilliseconds);
            PerplexityTelemetry.RecordCompletion(envelope, _activity);
        }
        else if (status == AsyncProcessingStatus.Failed)
        {
            var reason = _settings.Redact(envelope.ErrorMessage);
            Log.JobFailed(_settings.Logger, _requestId, _routeTemplate, Polls, reason);
            _errorType = status.Value;
        }
    }

    /// <summary>The wait ended by an exception rather than a terminal status.</summary>
    /// <returns>Always <see langword="false"/>, so it can observe an exception from a <c>catch … when</c> filter without catching it.</returns>
    public bool Failed(Exception exception)
    {
        if (exception is null)
        {
            throw new ArgumentNullException(nameof(exception));
        }

        _errorType ??= PerplexityTelemetry.ErrorTypeOf(exception);
        _activity?.SetStatus(ActivityStatusCode.Error, _settings.Redact(exception.Message));
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
        var elapsed = _settings.TimeProvider.GetElapsedTime(_startTimestamp);
        var status = _status?.Value;
        if (_activity is { IsAllDataRequested: true })
        {
            _activity.SetTag(TelemetryTags.Polls, Polls);
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
