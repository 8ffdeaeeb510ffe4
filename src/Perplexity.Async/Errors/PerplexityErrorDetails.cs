using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;

namespace Perplexity.Async;

/// <summary>What a failed response said: status, body, the parsed error, and the request it answered.</summary>
public sealed record PerplexityErrorDetails
{
    /// <summary>The HTTP status code.</summary>
    public required HttpStatusCode StatusCode { get; init; }

    /// <summary>The request method.</summary>
    public required HttpMethod Method { get; init; }

    /// <summary>The route template, for example <c>v1/async/sonar/{api_request}</c>.</summary>
    public required string Route { get; init; }

    /// <summary>The job id the request was about, when it was about one.</summary>
    public string? RequestId { get; init; }

    /// <summary>The response body as text, capped at 16 KiB, with the API key redacted; null when empty.</summary>
    public string? ResponseBody { get; init; }

    /// <summary>How long the server asked to wait before retrying, when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// The server's <c>x-should-retry</c> header: <see langword="true"/> or <see langword="false"/> when it said whether
    /// to try again (it overrides the status for the SDK's retries and waits), null when it did not.
    /// </summary>
    public bool? ShouldRetry { get; init; }

    /// <summary>The message from the body's <c>detail</c> or <c>error.message</c>, when it had one.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The body's <c>error.type</c>, when it had one.</summary>
    public string? ErrorType { get; init; }

    /// <summary>The body's <c>error.code</c>, when it had one.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The body's <c>error.param</c>: the request field the Agent API refused (for example <c>max_steps</c>), when it named one.</summary>
    public string? ErrorParam { get; init; }

    /// <summary>
    /// The <c>x-ratelimit-limit</c>, <c>-remaining</c>, <c>-used</c> and <c>-reset</c> headers of the response, when it had
    /// them (the Agent API sends them on every answer; the limit is per organisation, shared by all its keys).
    /// </summary>
    public PerplexityRateLimitInfo? RateLimit { get; init; }

    /// <summary>The validation errors of a FastAPI <c>{"detail": [...]}</c> body; empty otherwise.</summary>
    public IReadOnlyList<ValidationError> ValidationErrors { get; init; } = Array.Empty<ValidationError>();
}
