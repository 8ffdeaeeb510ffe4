using System;

namespace Perplexity.Async;

/// <summary>
/// An Agent API run ended with status <c>failed</c> (it arrives with HTTP 200, so it is not an HTTP error).
/// <see cref="Response"/> is the run's final state; <see cref="ErrorCode"/> and <see cref="ErrorMessage"/> say why.
/// Waiting again will not help: create a new run.
/// </summary>
public sealed class PerplexityRunFailedException : PerplexityException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="response">The run's final state.</param>
    /// <param name="innerException">The cause, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is null.</exception>
    public PerplexityRunFailedException(string message, AgentResponse response, Exception? innerException = null)
        : base(message, innerException)
    {
        Response = response ?? throw new ArgumentNullException(nameof(response));
        JobId = response.Id;
    }

    /// <summary>The run's final state, exactly as the API returned it.</summary>
    public AgentResponse Response { get; }

    /// <summary>The run's <c>error.code</c>, when it had one (a string or a number on the wire).</summary>
    public string? ErrorCode => Response.Error?.Code?.ToString();

    /// <summary>The run's <c>error.message</c>, as the API sent it.</summary>
    public string? ErrorMessage => Response.Error?.Message;
}
