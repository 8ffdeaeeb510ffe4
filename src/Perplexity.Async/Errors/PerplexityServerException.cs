using System;

namespace Perplexity.Async;

/// <summary>The API failed on its side (5xx). Usually transient: retrying later may succeed.</summary>
public sealed class PerplexityServerException : PerplexityApiException
{
    /// <summary>Creates the exception from the parts of a failed response.</summary>
    public PerplexityServerException(string message, PerplexityErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
