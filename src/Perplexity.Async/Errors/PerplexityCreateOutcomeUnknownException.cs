using System;

namespace Perplexity.Async;

/// <summary>
/// A create may have reached the server, but no usable answer came back (a timeout, a reset connection, a 5xx, a
/// body that could not be read): <b>the run may have started, and its id is unknown</b>. The Agent API has no
/// idempotency key, so the SDK never sends such a create again (that could start and bill a second run).
/// <see cref="Exception.InnerException"/> is what went wrong.
/// </summary>
/// <remarks>
/// What to do depends on the application: retry the create if a duplicate run is acceptable, or not. Perplexity has no
/// list endpoint to look for the run afterwards.
/// </remarks>
public sealed class PerplexityCreateOutcomeUnknownException : PerplexityException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">What went wrong after the create may have been received.</param>
    public PerplexityCreateOutcomeUnknownException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
