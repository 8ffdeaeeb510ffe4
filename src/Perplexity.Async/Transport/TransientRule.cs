using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using Polly;
using Polly.Timeout;

namespace Perplexity.Async.Transport;

/// <summary>
/// The one rule of what is worth another try, for transport retries (judging an attempt's response) and for waits
/// (judging the exception a poll ended with) alike: 408, 409, 429 and 5xx, connection failures and timeouts, and a
/// caller's own resilience handler refusing to send for now (circuit open, rate limited), the client's own request budget
/// refusing a permit (nothing was sent); a server's
/// <c>x-should-retry: true|false</c> overrides the status.
/// </summary>
/// <remarks>
/// The official SDKs retry 408, 409, 429 and every status from 500 up; here only 500–599 are server errors (a status
/// from 600 on is not HTTP's and is not retried). Transport and waits used to differ on 409 and on
/// <c>x-should-retry</c>; they do not any more: a conflict on a GET is as harmless to repeat in a wait as in a retry,
/// and a server that says whether to retry means it for every caller. What differs is only who repeats the call
/// (a wait's polls are never retried by the transport as well).
/// </remarks>
internal static class TransientRule
{
    /// <summary>The non-standard header the official SDKs obey over the status code.</summary>
    public const string ShouldRetryHeader = "x-should-retry";

    /// <summary>408, 409, 429 or 500–599.</summary>
    public static bool IsTransientStatus(int status) => status is 408 or 409 or 429 or (>= 500 and < 600);

    /// <summary>The server's <c>x-should-retry</c> verdict: true, false, or null when absent or neither word.</summary>
    public static bool? ShouldRetry(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues(ShouldRetryHeader, out var values))
        {
            return null;
        }

        var value = values.FirstOrDefault()?.Trim();
        return string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) ? true
            : string.Equals(value, "false", StringComparison.OrdinalIgnoreCase) ? false
            : null;
    }

    /// <summary>Whether an error response is worth another attempt: <c>x-should-retry</c> when present, else the status.</summary>
    /// <remarks>A retired route (403, whatever <c>x-should-retry</c> says) is never transient; its type is in the body, which
    /// the transport does not read before deciding, and 403 is not transient by status.</remarks>
    public static bool IsTransient(HttpResponseMessage response) =>
        !response.IsSuccessStatusCode && (int)response.StatusCode != 403 && (ShouldRetry(response) ?? IsTransientStatus((int)response.StatusCode));

    /// <summary>
    /// Whether an exception that ended a call (or a poll of a wait) is worth another one. The caller's own
    /// cancellation never is.
    /// </summary>
    public static bool IsTransient(Exception exception, CancellationToken callerToken)
    {
        if (callerToken.IsCancellationRequested)
        {
            return false;
        }

        return exception switch
        {
            PerplexityEndpointRetiredException => false,
            PerplexityRequestBudgetExceededException => true,
            PerplexityApiException api => api.Details.ShouldRetry ?? IsTransientStatus((int)api.StatusCode),
            PerplexityConnectionException or PerplexityTimeoutException or TimeoutRejectedException => true,
            PerplexityHandlerException handler => handler.IsRejection,
            _ => false,
        };
    }

    /// <summary>An attempt's outcome as the transport retry judges it.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken callerToken) =>
        outcome.Exception is { } exception
            ? IsTransient(exception, callerToken)
            : !callerToken.IsCancellationRequested && outcome.Result is { } response && IsTransient(response);

    /// <summary>
    /// For a request that must not reach the server twice (an Agent API create): only a connection that provably never
    /// carried it (refused, DNS, TLS) or a 429 (a refusal, not a start) is worth another attempt. A timeout, a reset or a
    /// 5xx may come after the server took the request.
    /// </summary>
    public static bool IsRetriableWhenUnsentOnly(Outcome<HttpResponseMessage> outcome, CancellationToken callerToken)
    {
        if (callerToken.IsCancellationRequested)
        {
            return false;
        }

        if (outcome.Exception is { } exception)
        {
            return exception is PerplexityConnectionException { NotSent: true };
        }

        return outcome.Result is { StatusCode: (System.Net.HttpStatusCode)429 } response && ShouldRetry(response) != false;
    }

    /// <summary>Why an attempt is retried, for the log: <c>status 503</c> or the exception's type.</summary>
    public static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } exception
            ? exception.GetType().Name
            : "status " + ((int)outcome.Result!.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
