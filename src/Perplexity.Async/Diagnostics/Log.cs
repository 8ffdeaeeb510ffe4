using System;
using Microsoft.Extensions.Logging;

namespace Perplexity.Async.Diagnostics;

/// <summary>
/// Every log message of the client, source-generated. Event ids are stable (documented in the README) so that
/// filters and alerts keep working across versions. Nothing here takes the API key or a header; bodies are
/// logged only at <see cref="LogLevel.Trace"/> and only after <see cref="Errors.Redactor"/>.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = LogEventIds.RequestSent, EventName = nameof(LogEventIds.RequestSent), Level = LogLevel.Debug,
        Message = "Sending {HttpMethod} {RouteTemplate} for request id {RequestId}")]
    public static partial void RequestSent(ILogger logger, string httpMethod, string routeTemplate, string? requestId);

    [LoggerMessage(EventId = LogEventIds.ResponseReceived, EventName = nameof(LogEventIds.ResponseReceived), Level = LogLevel.Debug,
        Message = "Received {StatusCode} for {HttpMethod} {RouteTemplate} (request id {RequestId}) after {ElapsedMilliseconds} ms")]
    public static partial void ResponseReceived(
        ILogger logger, int statusCode, string httpMethod, string routeTemplate, string? requestId, double elapsedMilliseconds);

    [LoggerMessage(EventId = LogEventIds.ErrorResponseReceived, EventName = nameof(LogEventIds.ErrorResponseReceived), Level = LogLevel.Warning,
        Message = "Received error {StatusCode} for {HttpMethod} {RouteTemplate} (request id {RequestId}) after {ElapsedMilliseconds} ms")]
    public static partial void ErrorResponseReceived(
        ILogger logger, int statusCode, string httpMethod, string routeTemplate, string? requestId, double elapsedMilliseconds);

    [LoggerMessage(EventId = LogEventIds.RequestFailed, EventName = nameof(LogEventIds.RequestFailed), Level = LogLevel.Warning,
        Message = "{HttpMethod} {RouteTemplate} (request id {RequestId}) got no response after {ElapsedMilliseconds} ms ({ErrorType})")]
    public static partial void RequestFailed(
        ILogger logger, string httpMethod, string routeTemplate, string? requestId, double elapsedMilliseconds, string errorType, Exception exception);

    [LoggerMessage(EventId = LogEventIds.RequestBody, EventName = nameof(LogEventIds.RequestBody), Level = LogLevel.Trace,
        Message = "Request body of {HttpMethod} {RouteTemplate}: {Body}")]
    public static partial void RequestBody(ILogger logger, string httpMethod, string routeTemplate, string body);

    [LoggerMessage(EventId = LogEventIds.PollStatusChanged, EventName = nameof(LogEventIds.PollStatusChanged), Level = LogLevel.Information,
        Message = "Job {RequestId} on {RouteTemplate} went from {PreviousStatus} to {Status} after {Polls} polls")]
    public static partial void PollStatusChanged(
        ILogger logger, string requestId, string routeTemplate, string? previousStatus, string status, int polls);

    [LoggerMessage(EventId = LogEventIds.RetryScheduled, EventName = nameof(LogEventIds.RetryScheduled), Level = LogLevel.Warning,
        Message = "Retrying {HttpMethod} {RouteTemplate} (request id {RequestId}): attempt {Attempt} in {DelayMilliseconds} ms because {Reason}")]
    public static partial void RetryScheduled(
        ILogger logger, string httpMethod, string routeTemplate, string? requestId, int attempt, double delayMilliseconds, string reason);

    [LoggerMessage(EventId = LogEventIds.JobFailed, EventName = nameof(LogEventIds.JobFailed), Level = LogLevel.Error,
        Message = "Job {RequestId} on {RouteTemplate} failed after {Polls} polls: {ErrorMessage}")]
    public static partial void JobFailed(ILogger logger, string requestId, string routeTemplate, int polls, string? errorMessage);

    [LoggerMessage(EventId = LogEventIds.JobCompleted, EventName = nameof(LogEventIds.JobCompleted), Level = LogLevel.Information,
        Message = "Job {RequestId} on {RouteTemplate} completed after {Polls} polls in {ElapsedMilliseconds} ms")]
    public static partial void JobCompleted(ILogger logger, string requestId, string routeTemplate, int polls, double elapsedMilliseconds);

    [LoggerMessage(EventId = LogEventIds.AbandonedRunNotCancelled, EventName = nameof(LogEventIds.AbandonedRunNotCancelled), Level = LogLevel.Warning,
        Message = "Run {RunId} was abandoned by its caller but could not be cancelled; it may still be running: {Reason}")]
    public static partial void AbandonedRunNotCancelled(ILogger logger, string runId, string reason);

    [LoggerMessage(EventId = LogEventIds.StreamResumed, EventName = nameof(LogEventIds.StreamResumed), Level = LogLevel.Information,
        Message = "The stream of run {RunId} is resumed after sequence number {StartingAfter} (segment {Segment}) because {Reason}")]
    public static partial void StreamResumed(ILogger logger, string runId, long startingAfter, int segment, string reason);

    [LoggerMessage(EventId = LogEventIds.StreamReplayExpired, EventName = nameof(LogEventIds.StreamReplayExpired), Level = LogLevel.Warning,
        Message = "The stream of run {RunId} can no longer be replayed after sequence number {StartingAfter}; the run is polled to its end instead")]
    public static partial void StreamReplayExpired(ILogger logger, string runId, long startingAfter);
}
