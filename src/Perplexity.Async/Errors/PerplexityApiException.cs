using System;
using System.Net;

namespace Perplexity.Async;

/// <summary>
/// The API answered with a non-success status. Subclasses name the common cases:
/// <see cref="PerplexityAuthenticationException"/> (401, 403), <see cref="PerplexityNotFoundException"/> (404),
/// <see cref="PerplexityValidationException"/> (422), <see cref="PerplexityRateLimitException"/> (429) and
/// <see cref="PerplexityServerException"/> (5xx).
/// </summary>
public class PerplexityApiException : PerplexityException
{
    /// <summary>Creates the exception from the parts of a failed response.</summary>
    public PerplexityApiException(string message, PerplexityErrorDetails details, Exception? innerException = null)
        : base(message, innerException)
    {
        Details = details ?? throw new ArgumentNullException(nameof(details));
    }

    /// <summary>What the failed response said, parsed.</summary>
    public PerplexityErrorDetails Details { get; }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode StatusCode => Details.StatusCode;

    /// <summary>The response body as text, capped at 16 KiB, with the API key redacted; null when empty.</summary>
    public string? ResponseBody => Details.ResponseBody;

    /// <summary>How long the server asked to wait before retrying (<c>retry-after-ms</c> or <c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter => Details.RetryAfter;

    /// <summary>The job id the request was about, when it was about one.</summary>
    public string? RequestId => Details.RequestId;

    /// <summary>The error message the body carried, when it had one.</summary>
    public string? ErrorMessage => Details.ErrorMessage;

    /// <summary>The error type the body carried (<c>{"error": {"type"}}</c>), when it had one.</summary>
    public string? ErrorType => Details.ErrorType;

    /// <summary>The error code the body carried (<c>{"error": {"code"}}</c>), when it had one.</summary>
    public string? ErrorCode => Details.ErrorCode;
}
