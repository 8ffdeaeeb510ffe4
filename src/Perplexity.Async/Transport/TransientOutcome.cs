using System;
using System.Linq;
using System.Net.Http;
using Polly;
using Polly.Timeout;

namespace Perplexity.Async.Transport;

/// <summary>Which outcomes of an attempt are worth another one, and how long the server asked to wait.</summary>
internal static class TransientOutcome
{
    /// <summary>The non-standard header the official SDKs obey over the status code.</summary>
    public const string ShouldRetryHeader = "x-should-retry";

    /// <summary>
    /// Connection errors and timeouts; otherwise a non-success response whose <c>x-should-retry</c> says
    /// <c>true</c>, or without that header one with status 408, 409, 429 or 5xx.
    /// </summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is { } exception)
        {
            return exception is PerplexityConnectionException or PerplexityTimeoutException or TimeoutRejectedException;
        }

        var response = outcome.Result;
        if (response is null || response.IsSuccessStatusCode)
        {
            return false;
        }

        if (response.Headers.TryGetValues(ShouldRetryHeader, out var values))
        {
            var value = values.FirstOrDefault()?.Trim();
            if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        var status = (int)response.StatusCode;
        return status is 408 or 409 or 429 or >= 500;
    }

    /// <summary>Why an attempt is retried, for the log: <c>status 503</c> or the exception's type.</summary>
    public static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } exception
            ? exception.GetType().Name
            : "status " + ((int)outcome.Result!.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The server's <c>retry-after-ms</c>, else <c>Retry-After</c> (seconds or HTTP date), when it is between 0 and 60 s;
    /// null otherwise, so the backoff applies.
    /// </summary>
    public static TimeSpan? ServerDelay(HttpResponseMessage response, TimeProvider timeProvider) =>
        RetryAfterRule.Read(response, timeProvider) is { } wait && wait >= TimeSpan.Zero && wait <= RetryDefaults.MaxServerDelay
            ? wait
            : null;
}
