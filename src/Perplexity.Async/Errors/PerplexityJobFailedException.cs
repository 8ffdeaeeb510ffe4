using System;
using System.Globalization;

namespace Perplexity.Async;

/// <summary>
/// The job ended with status <c>FAILED</c>. <see cref="Envelope"/> is the whole final state; <see cref="ErrorMessage"/>
/// says why and <see cref="FailedAt"/> when. Waiting again will not help: create a new job.
/// </summary>
public sealed class PerplexityJobFailedException : PerplexityException
{
    /// <summary>Creates the exception from the failed job's envelope, with a message built from it.</summary>
    /// <param name="envelope">The job's final state.</param>
    /// <exception cref="ArgumentNullException"><paramref name="envelope"/> is null.</exception>
    public PerplexityJobFailedException(AsyncApiChatCompletionsResponse envelope)
        : this(Describe(envelope ?? throw new ArgumentNullException(nameof(envelope))), envelope)
    {
    }

    /// <summary>Creates the exception with a message of your own.</summary>
    /// <param name="message">The message.</param>
    /// <param name="envelope">The job's final state.</param>
    /// <param name="innerException">The cause, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="envelope"/> is null.</exception>
    public PerplexityJobFailedException(string message, AsyncApiChatCompletionsResponse envelope, Exception? innerException = null)
        : base(message, innerException)
    {
        Envelope = envelope ?? throw new ArgumentNullException(nameof(envelope));
    }

    /// <summary>The job's final state, exactly as the API returned it.</summary>
    public AsyncApiChatCompletionsResponse Envelope { get; }

    /// <summary>The job's id.</summary>
    public string RequestId => Envelope.Id;

    /// <summary>Why the job failed (<c>error_message</c>), when the API said.</summary>
    public string? ErrorMessage => Envelope.ErrorMessage;

    /// <summary>When the job failed (<c>failed_at</c>), when the API said.</summary>
    public DateTimeOffset? FailedAt => Envelope.FailedAt;

    internal static string Describe(AsyncApiChatCompletionsResponse envelope)
    {
        var when = envelope.FailedAt is { } failedAt
            ? " at " + failedAt.ToString("u", CultureInfo.InvariantCulture)
            : string.Empty;
        var why = string.IsNullOrWhiteSpace(envelope.ErrorMessage) ? "the API gave no reason" : envelope.ErrorMessage;
        return $"Job '{envelope.Id}' ({envelope.Model}) failed{when}: {why}";
    }
}
