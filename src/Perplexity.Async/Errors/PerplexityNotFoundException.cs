using System;

namespace Perplexity.Async;

/// <summary>The API does not know the job (404): the id is wrong, or the result is older than the 7 days the API keeps it.</summary>
public sealed class PerplexityNotFoundException : PerplexityApiException
{
    /// <summary>Creates the exception from the parts of a failed response.</summary>
    public PerplexityNotFoundException(string message, PerplexityErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
