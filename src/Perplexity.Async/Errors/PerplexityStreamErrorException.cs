using System;

namespace Perplexity.Async;

/// <summary>
/// A streamed run's event stream reported an error with a bare <c>error</c> event (a failure of the stream, not a run
/// state: a failed run ends its stream normally with <c>response.failed</c>). <see cref="PerplexityException.JobId"/>
/// is the run's id; the run may still be running: read it with <c>GetAsync</c> or wait for it. (An error before the
/// id of a run <c>StreamAsync</c> created arrived is a <see cref="PerplexityCreateOutcomeUnknownException"/> with this
/// inside.)
/// </summary>
public sealed class PerplexityStreamErrorException : PerplexityException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="errorEvent">The <c>error</c> event as it arrived.</param>
    /// <param name="responseId">The run the stream was about, when known.</param>
    /// <exception cref="ArgumentNullException"><paramref name="errorEvent"/> is null.</exception>
    public PerplexityStreamErrorException(string message, AgentErrorEvent errorEvent, string? responseId)
        : base(message)
    {
        Event = errorEvent ?? throw new ArgumentNullException(nameof(errorEvent));
        JobId = responseId;
    }

    /// <summary>The <c>error</c> event, exactly as the API sent it.</summary>
    public AgentErrorEvent Event { get; }

    /// <summary>The error's code (nested or flat form), when it had one.</summary>
    public string? ErrorCode => (Event.Error?.Code ?? Event.Code)?.ToString();

    /// <summary>The error's message (nested or flat form), as the API sent it.</summary>
    public string? ErrorMessage => Event.ErrorMessage;
}
