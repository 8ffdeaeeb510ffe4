using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Text;
using Microsoft.Extensions.Logging;
using Perplexity.Async.Errors;
using Perplexity.Async.Diagnostics;

namespace Perplexity.Async.Transport;

/// <summary>
/// Logs, traces and measures one HTTP call: created just before the request is sent, told how it ended, then
/// disposed. A call disposed without an outcome counts as failed with <c>error.type</c> <c>_OTHER</c>.
/// </summary>
internal sealed class HttpCallDiagnostics : IDisposable
{
    private readonly PerplexityRequest _request;
    private readonly ClientSettings _settings;
    private readonly string _serverAddress;
    private readonly int _serverPort;
    private readonly string? _requestId;
    private readonly long _startTimestamp;
    private readonly Activity? _activity;
    private bool _ended;

    private HttpCallDiagnostics(PerplexityRequest request, ClientSettings settings)
    {
        _request = request;
        _settings = settings;

        // Every request URI is built on the base address: its host and port, parsed once per client, not per request.
        _serverAddress = settings.ServerAddress;
        _serverPort = settings.ServerPort;
        _requestId = request.RedactedRequestId(settings.Redactor);

        var logger = settings.Logger;
        Log.RequestSent(logger, request.Method.Method, request.RouteTemplate, _requestId);
        if (logger.IsEnabled(LogLevel.Trace) && request.Body is { } body)
        {
            var text = settings.Redact(Encoding.UTF8.GetString(body))!;
            Log.RequestBody(logger, request.Method.Method, request.RouteTemplate, text);
        }

        if (PerplexityTelemetry.ActivitySource.HasListeners())
        {
            _activity = PerplexityTelemetry.ActivitySource.StartActivity(
                request.Method.Method + " " + request.RouteTemplate, ActivityKind.Client);
            if (_activity is { IsAllDataRequested: true })
            {
                _activity.SetTag(TelemetryTags.HttpRequestMethod, request.Method.Method);
                _activity.SetTag(TelemetryTags.ServerAddress, _serverAddress);
                _activity.SetTag(TelemetryTags.ServerPort, _serverPort);
                _activity.SetTag(TelemetryTags.UrlTemplate, request.RouteTemplate);
                if (_requestId is not null)
                {
                    _activity.SetTag(TelemetryTags.RequestId, _requestId);
                }
            }
        }

        // Taken last, so the time spent logging and tagging is not counted as the server's.
        _startTimestamp = settings.TimeProvider.GetTimestamp();
    }

    /// <summary>Starts the diagnostics of a request about to be sent.</summary>
    public static HttpCallDiagnostics Start(PerplexityRequest request, ClientSettings settings) =>
        new(request, settings);

    /// <summary>The response's headers arrived.</summary>
    public void Responded(HttpResponseMessage response)
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        var elapsed = _settings.TimeProvider.GetElapsedTime(_startTimestamp);
        var status = (int)response.StatusCode;
        var failed = status >= 400;
        var errorType = failed ? status.ToString(CultureInfo.InvariantCulture) : null;
        if (failed)
        {
            Log.ErrorResponseReceived(_settings.Logger, status, _request.Method.Method, _request.RouteTemplate, _requestId, elapsed.TotalMilliseconds);
        }
        else
        {
            Log.ResponseReceived(_settings.Logger, status, _request.Method.Method, _request.RouteTemplate, _requestId, elapsed.TotalMilliseconds);
        }

        if (_activity is { IsAllDataRequested: true })
        {
            _activity.SetTag(TelemetryTags.HttpResponseStatusCode, status);
            if (failed)
            {
                _activity.SetTag(TelemetryTags.ErrorType, errorType);
                _activity.SetStatus(ActivityStatusCode.Error);
            }
        }

        Measure(elapsed, status, errorType);
    }

    /// <summary>The call ended without a response (network failure, timeout, cancellation).</summary>
    /// <returns>Always <see langword="false"/>, so it can observe an exception from a <c>catch … when</c> filter without catching it.</returns>
    public bool Failed(Exception exception)
    {
        if (_ended)
        {
            return false;
        }

        _ended = true;
        var elapsed = _settings.TimeProvider.GetElapsedTime(_startTimestamp);
        var errorType = PerplexityTelemetry.ErrorTypeOf(exception);
        // .NET's own exceptions can quote what the server sent (an invalid status or header line echoing the key).
        Log.RequestFailed(
            _settings.Logger, _request.Method.Method, _request.RouteTemplate, _requestId, elapsed.TotalMilliseconds, errorType,
            _settings.Redactor.Sanitize(exception));
        if (_activity is { IsAllDataRequested: true })
        {
            _activity.SetTag(TelemetryTags.ErrorType, errorType);
            _activity.SetStatus(ActivityStatusCode.Error, _settings.Redact(exception.Message));
        }

        Measure(elapsed, status: null, errorType);
        return false;
    }

    /// <summary>Ends the span; a call with no outcome reported counts as failed.</summary>
    public void Dispose()
    {
        if (!_ended)
        {
            _ended = true;
            var elapsed = _settings.TimeProvider.GetElapsedTime(_startTimestamp);
            _activity?.SetTag(TelemetryTags.ErrorType, TelemetryTags.OtherError);
            _activity?.SetStatus(ActivityStatusCode.Error);
            Measure(elapsed, status: null, TelemetryTags.OtherError);
        }

        _activity?.Dispose();
    }

    private void Measure(TimeSpan elapsed, int? status, string? errorType)
    {
        if (!PerplexityTelemetry.RequestDuration.Enabled && !PerplexityTelemetry.Requests.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { TelemetryTags.HttpRequestMethod, _request.Method.Method },
            { TelemetryTags.ServerAddress, _serverAddress },
            { TelemetryTags.ServerPort, _serverPort },
            { TelemetryTags.UrlTemplate, _request.RouteTemplate },
        };
        if (status is { } code)
        {
            tags.Add(TelemetryTags.HttpResponseStatusCode, code);
        }

        if (errorType is not null)
        {
            tags.Add(TelemetryTags.ErrorType, errorType);
        }

        PerplexityTelemetry.RequestDuration.Record(elapsed.TotalSeconds, tags);
        PerplexityTelemetry.Requests.Add(1, tags);
    }
}
