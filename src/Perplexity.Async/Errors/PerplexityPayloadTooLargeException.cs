using System;

namespace Perplexity.Async;

/// <summary>The request body was larger than the API accepts (413, <c>payload_too_large</c>; the Agent API's limit is 32 MiB).</summary>
public sealed class PerplexityPayloadTooLargeException : PerplexityApiException
{
    /// <summary>Creates the exception from the parts of a failed response.</summary>
    public PerplexityPayloadTooLargeException(string message, PerplexityErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
