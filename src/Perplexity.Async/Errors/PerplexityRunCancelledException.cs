using System;

namespace Perplexity.Async;

/// <summary>
/// An Agent API run ended with status <c>cancelled</c> (it arrives with HTTP 200): someone cancelled it, or the
/// service did. <see cref="Response"/> is the cancelled snapshot: its partial output, <c>usage</c> null,
/// <c>error.code</c> <c>cancelled</c>.
/// </summary>
public sealed class PerplexityRunCancelledException : PerplexityException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="response">The run's final state.</param>
    /// <param name="innerException">The cause, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is null.</exception>
    public PerplexityRunCancelledException(string message, AgentResponse response, Exception? innerException = null)
        : base(message, innerException)
    {
        Response = response ?? throw new ArgumentNullException(nameof(response));
        JobId = response.Id;
    }

    /// <summary>The run's final state, exactly as the API returned it.</summary>
    public AgentResponse Response { get; }
}
