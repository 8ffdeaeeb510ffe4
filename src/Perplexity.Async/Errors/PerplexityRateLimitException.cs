using System;

namespace Perplexity.Async;

/// <summary>The API's rate limit was hit (429). <see cref="PerplexityApiException.RetryAfter"/> says how long to wait when the server said.</summary>
public sealed class PerplexityRateLimitException : PerplexityApiException
{
    /// <summary>Creates the exception from the parts of a failed response.</summary>
    public PerplexityRateLimitException(string message, PerplexityErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
