using System;
using System.Net;
using System.Net.Http;
using Perplexity.Async.Testing.Internal;

namespace Perplexity.Async.Testing;

/// <summary>
/// Says what a fault from <see cref="EmulatorFaults.Next"/> does. Each method queues the fault and returns the
/// <see cref="EmulatorFaults"/>, so faults chain.
/// </summary>
public sealed class FaultBuilder
{
    /// <summary>The default message of <see cref="ErrorEventAfter"/>'s <c>error</c> event.</summary>
    public const string DefaultStreamErrorMessage = "The event stream failed because of an internal error (emulated).";

    /// <summary>The default type and code of <see cref="ErrorEventAfter"/>'s <c>error</c> event: <c>internal_error</c>.</summary>
    public const string DefaultStreamErrorType = "internal_error";

    private readonly EmulatorFaults _faults;
    private readonly int _count;
    private readonly HttpMethod? _method;

    internal FaultBuilder(EmulatorFaults faults, int count, HttpMethod? method)
    {
        _faults = faults;
        _count = count;
        _method = method;
    }

    /// <summary>
    /// Answers with <paramref name="statusCode"/>. The body defaults to the API's error JSON for the status
    /// (<c>{"error": {"message", "type", "code"}}</c>); on the Agent routes with the Agent API's types
    /// (<c>request_rate_limit_exceeded</c> for 429, <c>internal_error</c>, <c>bad_gateway</c> or
    /// <c>gateway_timeout</c> for 5xx) and the <c>x-ratelimit-*</c> and <c>x-request-id</c> headers.
    /// </summary>
    /// <param name="statusCode">The status, for example 429 (too many requests) or <see cref="HttpStatusCode.InternalServerError"/>.</param>
    /// <param name="retryAfter">Sent as <c>Retry-After</c> in whole seconds (rounded up) when set.</param>
    /// <param name="body">The body to send instead of the default, for example an HTML gateway page.</param>
    /// <param name="mediaType">The body's content type. Defaults to <c>application/json</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retryAfter"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="mediaType"/> is empty.</exception>
    public EmulatorFaults RespondWith(HttpStatusCode statusCode, TimeSpan? retryAfter = null, string? body = null, string mediaType = "application/json")
    {
        if (retryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfter), retryAfter, "Retry-After cannot be negative.");
        }

        if (string.IsNullOrWhiteSpace(mediaType))
        {
            throw new ArgumentException("A media type is required.", nameof(mediaType));
        }

        return Add(new Fault(_count, _method, FaultKind.Respond)
        {
            StatusCode = statusCode,
            RetryAfter = retryAfter,
            Body = body,
            MediaType = mediaType,
        });
    }

    /// <summary>
    /// Throws <see cref="System.Threading.Tasks.TaskCanceledException"/> with a <see cref="TimeoutException"/> inside,
    /// as <c>HttpClient</c> does when its timeout elapses, without waiting.
    /// </summary>
    public EmulatorFaults TimeOut() => Add(new Fault(_count, _method, FaultKind.TimeOut));

    /// <summary>
    /// Never answers: the request ends only when its cancellation token is cancelled (by the caller, an attempt
    /// timeout or <c>HttpClient.Timeout</c>), with <see cref="OperationCanceledException"/>.
    /// </summary>
    public EmulatorFaults Hang() => Add(new Fault(_count, _method, FaultKind.Hang));

    /// <summary>Throws <see cref="HttpRequestException"/> as for a refused connection.</summary>
    public EmulatorFaults FailConnection() => Add(new Fault(_count, _method, FaultKind.FailConnection));

    /// <summary>
    /// Answers normally, but only after <paramref name="delay"/> on the emulator's clock (advance a fake clock to
    /// release it); cancelling the request ends the wait.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative.</exception>
    public EmulatorFaults RespondAfter(TimeSpan delay)
    {
        if (delay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "The delay cannot be negative.");
        }

        return Add(new Fault(_count, _method, FaultKind.Delay) { Delay = delay });
    }

    /// <summary>
    /// Breaks an Agent event stream: the response body writes <paramref name="events"/> events, then its read throws
    /// an <see cref="System.IO.IOException"/> (an <c>HttpIOException</c> with <c>ResponseEnded</c> on .NET), as a reset
    /// connection surfaces through <see cref="HttpClient"/>. Hits only requests answered with a stream (a create with
    /// <c>stream: true</c> or a resume); the run itself goes on, so it can be resumed.
    /// </summary>
    /// <param name="events">How many whole events are written first; 0 breaks before the first.</param>
    /// <param name="midLine">Also write the first half of the next event's line before breaking.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="events"/> is negative.</exception>
    public EmulatorFaults DropStreamAfter(int events, bool midLine = false) =>
        Add(new Fault(_count, _method, FaultKind.DropStream) { Events = NonNegative(events), MidLine = midLine });

    /// <summary>
    /// Ends an Agent event stream cleanly after <paramref name="events"/> events, without its terminal event (the body
    /// just ends, as when a proxy closes an idle connection). Hits only requests answered with a stream.
    /// </summary>
    /// <param name="events">How many events are written before the body ends.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="events"/> is negative.</exception>
    public EmulatorFaults EndStreamAfter(int events) =>
        Add(new Fault(_count, _method, FaultKind.EndStream) { Events = NonNegative(events) });

    /// <summary>
    /// Fails an Agent event stream with a bare <c>error</c> event: the body writes <paramref name="events"/> events, then
    /// <c>data: {"type":"error","sequence_number":N,"error":{"code","message","type"}}</c> and a blank line (the framing
    /// of every event, §7 of the reference: no <c>event:</c> line), then ends, as when the service's stream fails (a
    /// transport failure, not a run state). Hits only requests answered with a stream (a create with
    /// <c>stream: true</c> or a resume); the run itself goes on, so it can still be read or resumed by id.
    /// </summary>
    /// <remarks>
    /// The reference confirms the bare <c>error</c> event but not its members; it is written in the nested form of a
    /// <c>response.failed</c> event's <c>error</c> (the API's <c>ErrorInfo</c>), with <c>sequence_number</c> the number
    /// the next event would have had.
    /// </remarks>
    /// <param name="events">How many whole events are written first; 0 writes the error before the first (before the run's id).</param>
    /// <param name="message">The error's <c>message</c>.</param>
    /// <param name="type">The error's <c>type</c>. Defaults to <c>internal_error</c>, the Agent API's type for a server failure.</param>
    /// <param name="code">The error's <c>code</c> (a string, as in <c>ErrorInfo</c>); null leaves the member out.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="events"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="message"/> or <paramref name="type"/> is null or blank.</exception>
    public EmulatorFaults ErrorEventAfter(
        int events,
        string message = DefaultStreamErrorMessage,
        string type = DefaultStreamErrorType,
        string? code = DefaultStreamErrorType)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            throw new ArgumentException("An error message is required.", nameof(message));
        }

        if (string.IsNullOrWhiteSpace(type))
        {
            throw new ArgumentException("An error type is required.", nameof(type));
        }

        return Add(new Fault(_count, _method, FaultKind.ErrorEvent)
        {
            Events = NonNegative(events),
            ErrorMessage = message,
            ErrorType = type,
            ErrorCode = code,
        });
    }

    private static int NonNegative(int events) =>
        events >= 0 ? events : throw new ArgumentOutOfRangeException(nameof(events), events, "The event count cannot be negative.");

    private EmulatorFaults Add(Fault fault)
    {
        _faults.Add(fault);
        return _faults;
    }
}
