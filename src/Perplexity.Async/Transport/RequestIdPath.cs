using System;

namespace Perplexity.Async.Transport;

/// <summary>
/// Turns a job id into one escaped path segment, so that no id can change the route: <c>/</c>, <c>?</c>,
/// <c>#</c>, <c>%</c> and control characters are percent-encoded, and the dot segments <c>.</c> and <c>..</c> are
/// refused.
/// </summary>
internal static class RequestIdPath
{
    public static string Escape(string requestId, string parameterName)
    {
        if (requestId is null)
        {
            throw new ArgumentNullException(parameterName, "A request id is required.");
        }

        if (Problem(requestId) is { } problem)
        {
            throw new ArgumentException(problem, parameterName);
        }

        return Uri.EscapeDataString(requestId);
    }

    /// <summary>Why <paramref name="requestId"/> cannot be a job id, as a sentence; null when it can.</summary>
    public static string? Problem(string? requestId)
    {
        if (requestId is null)
        {
            return "A request id is required; it is null.";
        }

        if (string.IsNullOrWhiteSpace(requestId))
        {
            return "A request id is required; it is empty or whitespace.";
        }

        if (requestId.Length > ClientDefaults.MaxRequestIdLength)
        {
            return $"A request id is at most {ClientDefaults.MaxRequestIdLength} characters; this one has {requestId.Length}.";
        }

        return requestId is "." or ".." ? $"'{requestId}' is not a request id." : null;
    }
}
