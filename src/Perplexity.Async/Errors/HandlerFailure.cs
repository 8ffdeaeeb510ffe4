using System;
using System.Net.Http;
using Polly.CircuitBreaker;
using Polly.RateLimiting;

namespace Perplexity.Async.Errors;

/// <summary>
/// Turns what a caller's own HTTP handler threw into a <see cref="PerplexityHandlerException"/>: which exceptions are
/// wrapped, how the message names the request, and where a Polly rejection's <c>RetryAfter</c> is read from.
/// </summary>
internal static class HandlerFailure
{
    /// <summary>
    /// Whether a handler's exception is wrapped: everything but cancellations, network failures (they become
    /// <see cref="PerplexityConnectionException"/>), the SDK's own exceptions, and an
    /// <see cref="ObjectDisposedException"/> (the caller disposed the client or its <see cref="HttpClient"/>: a
    /// lifetime error of theirs, not a handler's failure).
    /// </summary>
    public static bool IsWrapped(Exception exception) =>
        exception is not (OperationCanceledException or HttpRequestException or PerplexityException or ObjectDisposedException);

    /// <summary>The typed exception for what a handler threw while sending <c>{method} {route}</c>.</summary>
    public static PerplexityHandlerException Wrap(Exception exception, string method, string routeTemplate, string? requestId, Redactor redactor)
    {
        var about = requestId is null ? string.Empty : $" (request id '{requestId}')";
        return new PerplexityHandlerException(
            $"{method} {routeTemplate}{about} failed in an HTTP handler of the HttpClient: {exception.GetType().FullName}: {redactor.Redact(exception.Message)}",
            RetryAfterOf(exception),
            redactor.Sanitize(exception))
        {
            IsRejection = exception is Polly.ExecutionRejectedException,
        };
    }

    /// <summary>The <c>RetryAfter</c> of Polly's rejections that carry one: a broken circuit's, a rate limiter's.</summary>
    public static TimeSpan? RetryAfterOf(Exception exception) => exception switch
    {
        BrokenCircuitException broken => broken.RetryAfter,
        RateLimiterRejectedException rejected => rejected.RetryAfter,
        _ => null,
    };
}
