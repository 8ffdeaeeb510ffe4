using System;

namespace Perplexity.Async.Internal;

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

        if (string.IsNullOrWhiteSpace(requestId))
        {
            throw new ArgumentException("A request id is required; it is empty or whitespace.", parameterName);
        }

        if (requestId.Length > ClientDefaults.MaxRequestIdLength)
        {
            throw new ArgumentException(
                $"A request id is at most {ClientDefaults.MaxRequestIdLength} characters; this one has {requestId.Length}.",
                parameterName);
        }

        if (requestId is "." or "..")
        {
            throw new ArgumentException($"'{requestId}' is not a request id.", parameterName);
        }

        return Uri.EscapeDataString(requestId);
    }
}
