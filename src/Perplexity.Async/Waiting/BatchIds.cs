using System;
using System.Collections.Generic;
using Perplexity.Async.Transport;

namespace Perplexity.Async.Waiting;

/// <summary>The ids of a wait on many, copied and checked before anything is sent (both APIs' <c>WaitForAllAsync</c>).</summary>
internal static class BatchIds
{
    /// <summary>Copies and checks the ids. Repeated ids are allowed: each is polled once and its state appears at every position.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> is null.</exception>
    /// <exception cref="ArgumentException">An id is null, empty, whitespace, a dot segment or too long; the message gives its position.</exception>
    public static string[] Validate(IEnumerable<string> ids, string parameterName, string what)
    {
        if (ids is null)
        {
            throw new ArgumentNullException(parameterName, $"The {what} to wait for are required (an empty list is fine).");
        }

        var copy = new List<string>(ids).ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (RequestIdPath.Problem(copy[i]) is { } problem)
            {
                throw new ArgumentException($"{parameterName}[{i}] cannot be waited for: {problem}", parameterName);
            }
        }

        return copy;
    }
}
