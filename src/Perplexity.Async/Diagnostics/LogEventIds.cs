namespace Perplexity.Async.Diagnostics;

/// <summary>
/// The client's log event ids. They are a promise: a released id never changes meaning, new ones are added.
/// 1xxx are HTTP calls, 2xxx are jobs (waiting and polling).
/// </summary>
internal static class LogEventIds
{
    /// <summary>Debug: a request is about to be sent (method, route template, request id).</summary>
    public const int RequestSent = 1001;

    /// <summary>Debug: a success response arrived (status, duration).</summary>
    public const int ResponseReceived = 1002;

    /// <summary>Warning: an error status arrived (status, duration).</summary>
    public const int ErrorResponseReceived = 1003;

    /// <summary>Warning: no response arrived (network failure, timeout, cancellation).</summary>
    public const int RequestFailed = 1004;

    /// <summary>Trace: the request body, with the API key redacted.</summary>
    public const int RequestBody = 1005;

    /// <summary>Warning: a failed call will be tried again (attempt, delay, reason).</summary>
    public const int RetryScheduled = 1006;

    /// <summary>Information: a polled job changed status.</summary>
    public const int PollStatusChanged = 2001;

    /// <summary>Error: a job ended with status <c>FAILED</c>.</summary>
    public const int JobFailed = 2002;

    /// <summary>Information: a waited-on job completed.</summary>
    public const int JobCompleted = 2003;

    /// <summary>Warning: <c>RunAsync</c> was cancelled by its caller and the run could not be cancelled on the server.</summary>
    public const int AbandonedRunNotCancelled = 2004;

    /// <summary>Information: a streamed run's connection dropped and the stream is resumed after its last event.</summary>
    public const int StreamResumed = 2005;

    /// <summary>Warning: a streamed run's replay window is over (the resume answered 400); the run is polled to its end instead.</summary>
    public const int StreamReplayExpired = 2006;
}
