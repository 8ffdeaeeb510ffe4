using System;

namespace Perplexity.Async;

/// <summary>
/// A handler of the caller's own <see cref="System.Net.Http.HttpClient"/> pipeline threw something that is neither a
/// network failure nor a cancellation: for example Polly's <c>BrokenCircuitException</c> from
/// <c>AddStandardResilienceHandler()</c> (the circuit is open, no request was sent), a rate limiter's rejection, or a
/// bug in a <c>DelegatingHandler</c>. The message names the request; <see cref="Exception.InnerException"/> is what
/// the handler threw (with the API key masked in its text, should it hold it).
/// </summary>
/// <remarks>
/// Network failures stay <see cref="PerplexityConnectionException"/>, cancellations stay
/// <see cref="OperationCanceledException"/>, and the SDK's own exceptions pass through as they are.
/// </remarks>
public sealed class PerplexityHandlerException : PerplexityException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Names the request and what the handler threw.</param>
    /// <param name="retryAfter">How long the handler said to wait before trying again, when it said.</param>
    /// <param name="innerException">What the handler threw.</param>
    public PerplexityHandlerException(string message, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>
    /// How long to wait before trying again, when the handler said: the <c>RetryAfter</c> of Polly's
    /// <c>BrokenCircuitException</c> (the rest of the break) or <c>RateLimiterRejectedException</c> (from the rate
    /// limiter's lease); null otherwise.
    /// </summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// Whether the handler refused to send for now (a Polly rejection: circuit open, rate limited, timeout rejected), which
    /// waits retry like a transient failure; any other handler exception ends a wait.
    /// </summary>
    internal bool IsRejection { get; init; }
}
