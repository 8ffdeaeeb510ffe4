using System;

namespace Perplexity.Async;

/// <summary>The API refused the credentials (401) or the permission (403): check the API key.</summary>
public sealed class PerplexityAuthenticationException : PerplexityApiException
{
    /// <summary>Creates the exception from the parts of a failed response.</summary>
    public PerplexityAuthenticationException(string message, PerplexityErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
