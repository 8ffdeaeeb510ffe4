using System;
using System.Threading;
using Perplexity.Async.Errors;

namespace Perplexity.Async;

/// <summary>
/// The caller's <see cref="CancellationToken"/> stopped a wait or a run. It is an <see cref="OperationCanceledException"/>
/// (so <c>catch (OperationCanceledException)</c> and <c>when (token.IsCancellationRequested)</c> work as usual) that
/// also says which job the wait was about: the job keeps running on the server (and costing) unless it was stopped,
/// so its <see cref="JobId"/> is what you need to wait for it again later.
/// </summary>
public sealed class PerplexityWaitCanceledException : OperationCanceledException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="jobId">The job or run the wait was about; null for a wait on many jobs.</param>
    /// <param name="innerException">The cancellation that stopped the wait.</param>
    /// <param name="cancellationToken">The token that was cancelled.</param>
    public PerplexityWaitCanceledException(string message, string? jobId, Exception? innerException, CancellationToken cancellationToken)
        : base(message, innerException, cancellationToken)
    {
        JobId = jobId;
    }

    internal PerplexityWaitCanceledException(string? jobId, Redactor redactor, Exception innerException, CancellationToken cancellationToken)
        : this(Describe(jobId, redactor), jobId, innerException, cancellationToken)
    {
    }

    /// <summary>The job (async chat completions) or run (Agent API) the wait was about; null for a wait on many jobs.</summary>
    public string? JobId { get; }

    /// <summary>
    /// The jobs or runs a wait on many (<c>WaitForAllAsync</c>) was about, every id in the order given; null for a wait on one.
    /// They keep running on the server: wait for them again with these ids.
    /// </summary>
    public System.Collections.Generic.IReadOnlyList<string>? JobIds { get; internal init; }

    /// <summary>
    /// Whether the SDK asked the server to cancel the run (<c>client.Agent.RunAsync</c> does when its token stops the
    /// wait, unless <see cref="PerplexityAsyncClientOptions.CancelAbandonedRuns"/> is off) and the cancel request was
    /// accepted or found the run already finished. False when no cancel was asked for, or it failed: then the run may
    /// still be running under <see cref="JobId"/>.
    /// </summary>
    public bool RunCancelRequested { get; internal init; }

    private static string Describe(string? jobId, Redactor redactor) =>
        jobId is null
            ? "The wait was cancelled; the jobs keep running on the server."
            : $"Waiting for '{redactor.Redact(jobId)}' was cancelled; it keeps running on the server (wait for it again with this id).";
}
