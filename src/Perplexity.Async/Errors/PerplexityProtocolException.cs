using System;
using System.Net;

namespace Perplexity.Async;

/// <summary>
/// The API answered, but not with what the documentation promises: malformed or truncated JSON, a missing
/// required field, a wrong content type, an empty or oversized body, or a completed job without a response.
/// </summary>
public sealed class PerplexityProtocolException : PerplexityException
{
    /// <summary>Creates the exception.</summary>
    public PerplexityProtocolException(string message, HttpStatusCode? statusCode = null, string? bodyExcerpt = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        BodyExcerpt = bodyExcerpt;
    }

    /// <summary>The HTTP status code of the offending response, when there was one.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The start of the offending body (at most 1 KiB, API key redacted), when there was one.</summary>
    public string? BodyExcerpt { get; }
}
