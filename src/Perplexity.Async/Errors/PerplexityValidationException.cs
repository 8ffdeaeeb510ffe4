using System;

namespace Perplexity.Async;

/// <summary>The API rejected the request as invalid (422). <see cref="Errors"/> lists each problem with its location.</summary>
public sealed class PerplexityValidationException : PerplexityApiException
{
    /// <summary>Creates the exception from the parts of a failed response.</summary>
    public PerplexityValidationException(string message, PerplexityErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }

    /// <summary>Each problem the API reported, with its location.</summary>
    public System.Collections.Generic.IReadOnlyList<ValidationError> Errors => Details.ValidationErrors;
}
