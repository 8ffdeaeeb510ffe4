using System;

namespace Perplexity.Async;

/// <summary>
/// A request was not sent: the client's request budget (<see cref="PerplexityAsyncClientOptions.RequestBudget"/>) had no
/// permit for it within <see cref="RequestBudgetOptions.MaxQueueTime"/>, or <see cref="RequestBudgetOptions.QueueLimit"/>
/// requests were already waiting. Nothing reached the server, so nothing was started or billed. Waits treat it as
/// transient: they pause (at least <see cref="RetryAfter"/>) and poll again.
/// </summary>
public sealed class PerplexityRequestBudgetExceededException : PerplexityException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Names the request and why it got no permit.</param>
    /// <param name="retryAfter">About how long until a permit is free, when known.</param>
    /// <param name="innerException">The rate limiter's rejection, if any.</param>
    public PerplexityRequestBudgetExceededException(string message, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>About how long until the budget has a permit again (the queue ahead drained, a 429 pause over); null when unknown.</summary>
    public TimeSpan? RetryAfter { get; }
}
