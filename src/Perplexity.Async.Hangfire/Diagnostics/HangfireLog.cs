using System;
using Microsoft.Extensions.Logging;

namespace Perplexity.Async.Hangfire.Diagnostics;

/// <summary>Every log message of durable runs on Hangfire, source-generated; run ids and job ids only, never request bodies.</summary>
internal static partial class HangfireLog
{
    [LoggerMessage(EventId = HangfireLogEventIds.RunCreated, EventName = nameof(HangfireLogEventIds.RunCreated), Level = LogLevel.Information,
        Message = "Job {JobId} created run {RunId}")]
    public static partial void RunCreated(ILogger logger, string jobId, string runId);

    [LoggerMessage(EventId = HangfireLogEventIds.RunAlreadyCreated, EventName = nameof(HangfireLogEventIds.RunAlreadyCreated), Level = LogLevel.Information,
        Message = "Job {JobId} was retried and found run {RunId} already created; it does not create again")]
    public static partial void RunAlreadyCreated(ILogger logger, string jobId, string runId);

    [LoggerMessage(EventId = HangfireLogEventIds.CreateOutcomeUnknown, EventName = nameof(HangfireLogEventIds.CreateOutcomeUnknown), Level = LogLevel.Error,
        Message = "Job {JobId} may have started a run whose id is unknown; it stops without creating again")]
    public static partial void CreateOutcomeUnknown(ILogger logger, string jobId, Exception? exception);

    [LoggerMessage(EventId = HangfireLogEventIds.CheckScheduled, EventName = nameof(HangfireLogEventIds.CheckScheduled), Level = LogLevel.Debug,
        Message = "Run {RunId} is {Status} after {Checks} checks; next check (job {NextJobId}) in {DelayMilliseconds} ms")]
    public static partial void CheckScheduled(ILogger logger, string runId, string status, int checks, string nextJobId, double delayMilliseconds);

    [LoggerMessage(EventId = HangfireLogEventIds.CheckFailed, EventName = nameof(HangfireLogEventIds.CheckFailed), Level = LogLevel.Warning,
        Message = "Check {Checks} of run {RunId} failed ({ErrorType}), failure {Failures} in a row; next check (job {NextJobId}) in {DelayMilliseconds} ms")]
    public static partial void CheckFailed(
        ILogger logger, int checks, string runId, string errorType, int failures, string nextJobId, double delayMilliseconds, Exception exception);

    [LoggerMessage(EventId = HangfireLogEventIds.RunHandled, EventName = nameof(HangfireLogEventIds.RunHandled), Level = LogLevel.Information,
        Message = "Run {RunId} ended {Status} after {Checks} checks and was handled by {Handler} (attempt {Attempt})")]
    public static partial void RunHandled(ILogger logger, string runId, string status, int checks, string handler, int attempt);

    [LoggerMessage(EventId = HangfireLogEventIds.RunAlreadyHandled, EventName = nameof(HangfireLogEventIds.RunAlreadyHandled), Level = LogLevel.Debug,
        Message = "Run {RunId} was already handled; check job {JobId} does nothing")]
    public static partial void RunAlreadyHandled(ILogger logger, string runId, string jobId);

    [LoggerMessage(EventId = HangfireLogEventIds.RunIdNotStored, EventName = nameof(HangfireLogEventIds.RunIdNotStored), Level = LogLevel.Error,
        Message = "Job {JobId} created run {RunId} but could not store its id; the job will not create again, so look after this run by hand")]
    private static partial void RunIdNotStoredCore(ILogger logger, string jobId, string runId, Exception exception);

    /// <summary>Logs <see cref="RunIdNotStoredCore"/> from an exception filter; always false.</summary>
    public static bool RunIdNotStored(ILogger logger, string jobId, string runId, Exception exception)
    {
        RunIdNotStoredCore(logger, jobId, runId, exception);
        return false;
    }
}
