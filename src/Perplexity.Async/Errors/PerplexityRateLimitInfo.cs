using System;

namespace Perplexity.Async;

/// <summary>
/// What a response's <c>x-ratelimit-*</c> headers said about the organisation's request budget (the Agent API sends them
/// on every answer: for example a limit of 50 requests a second, shared by all the organisation's keys).
/// </summary>
public sealed record PerplexityRateLimitInfo
{
    /// <summary><c>x-ratelimit-limit</c>: the requests allowed in the current window.</summary>
    public long? Limit { get; init; }

    /// <summary><c>x-ratelimit-remaining</c>: the requests left in the current window.</summary>
    public long? Remaining { get; init; }

    /// <summary><c>x-ratelimit-used</c>: the requests made in the current window.</summary>
    public long? Used { get; init; }

    /// <summary><c>x-ratelimit-reset</c> (Unix seconds): when the window starts again.</summary>
    public DateTimeOffset? ResetAt { get; init; }
}
