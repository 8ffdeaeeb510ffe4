using System;

namespace Perplexity.Async;

/// <summary>
/// A time limit ran out: an HTTP request's timeout, or the overall timeout of a wait. When a wait timed out,
/// <see cref="LastResponse"/> is the last state of the job that was seen.
/// </summary>
public sealed class PerplexityTimeoutException : PerplexityException
{
    /// <summary>Creates the exception.</summary>
    public PerplexityTimeoutException(string message, TimeSpan timeout, AsyncApiChatCompletionsResponse? lastResponse = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Timeout = timeout;
        LastResponse = lastResponse;
    }

    /// <summary>The limit that ran out.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The last job state seen before a wait on the async chat-completions routes timed out; null otherwise.</summary>
    public AsyncApiChatCompletionsResponse? LastResponse { get; }

    /// <summary>The last state seen before a wait on an Agent API run timed out; null otherwise. The run keeps running.</summary>
    public AgentResponse? LastAgentResponse { get; internal init; }
}
