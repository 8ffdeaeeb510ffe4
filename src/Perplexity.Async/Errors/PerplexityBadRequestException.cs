using System;

namespace Perplexity.Async;

/// <summary>The API refused the request as invalid (400): <c>ErrorType</c> says why (<c>invalid_request</c>, <c>invalid_parameter</c>, <c>invalid_model</c>, …) and <c>ErrorParam</c> names the field, when the body did.</summary>
public sealed class PerplexityBadRequestException : PerplexityApiException
{
    /// <summary>Creates the exception from the parts of a failed response.</summary>
    public PerplexityBadRequestException(string message, PerplexityErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
