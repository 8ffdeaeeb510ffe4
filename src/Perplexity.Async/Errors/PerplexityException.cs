using System;

namespace Perplexity.Async;

/// <summary>
/// The base of every exception this SDK throws for a problem with the API, the network or a job. Catch it to
/// handle them all; argument mistakes are <see cref="ArgumentException"/> and cancellation is
/// <see cref="OperationCanceledException"/>, as usual in .NET.
/// </summary>
public class PerplexityException : Exception
{
    /// <summary>Creates an exception with a message and an optional cause.</summary>
    public PerplexityException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// The job (async chat completions) or run (Agent API) the failed operation was about, when it was about one: every
    /// exception out of a wait or a run carries it, so a job that keeps running on the server (and costing) is never
    /// lost. Null for an operation on no job or on many.
    /// </summary>
    public string? JobId { get; internal set; }

    /// <summary>
    /// The jobs or runs a wait on many (<c>WaitForAllAsync</c>) was about, every id in the order given: every exception
    /// such a wait throws carries them, so no run that keeps running (and costing) is lost. Null for an operation on one
    /// job or on none.
    /// </summary>
    public System.Collections.Generic.IReadOnlyList<string>? JobIds { get; internal set; }
}
