using System;
using System.Diagnostics;
using Perplexity.Async.Errors;

namespace Perplexity.Async.Waiting;

/// <summary>
/// What a kind of job (an async chat-completions job, an Agent run) tells the wait engine: how to read a state's id
/// and status, which states are terminal, which terminal states are failures (and the exception for them), and what
/// to record once one is terminal. A new kind of job plugs in by deriving from this and supplying one poll.
/// </summary>
/// <typeparam name="TState">The job's state as one poll returns it.</typeparam>
internal abstract class JobKind<TState>
    where TState : class
{
    /// <summary>The route template a job of this kind is polled on, for example <c>v1/async/sonar/{api_request}</c>.</summary>
    public abstract string RouteTemplate { get; }

    /// <summary>The job's id in a state.</summary>
    public abstract string IdOf(TState state);

    /// <summary>The job's status in a state, as its wire value.</summary>
    public abstract string StatusOf(TState state);

    /// <summary>Whether the job will not change any more.</summary>
    public abstract bool IsTerminal(TState state);

    /// <summary>
    /// Whether a state claims to be finished but lacks its result (a <c>COMPLETED</c> job without its response): it is
    /// polled again, at most <see cref="PollingDefaults.MaxCompletedWithoutResponseRetries"/> times, and not reported.
    /// </summary>
    public virtual bool LacksResult(TState state) => false;

    /// <summary>What a state that <see cref="LacksResult"/> lacks, for the protocol error: "has no result".</summary>
    public virtual string MissingResult => "has no result";

    /// <summary>Whether a terminal state is a failure, which waits turn into <see cref="CreateFailure"/>'s exception.</summary>
    public abstract bool IsFailure(TState state);

    /// <summary>The exception for a failed state, its message redacted and carrying the state.</summary>
    public abstract PerplexityException CreateFailure(TState state, Redactor redactor);

    /// <summary>The reason a failed state gives, for the log (redacted by the caller).</summary>
    public abstract string? FailureReasonOf(TState state);

    /// <summary>The overall-timeout exception, carrying the last state seen.</summary>
    public abstract PerplexityTimeoutException CreateTimeout(string message, TimeSpan timeout, TState? lastState, Exception innerException);

    /// <summary>Records token usage and cost of a terminal state through the wait's diagnostics; server strings redacted.</summary>
    public virtual void RecordTerminal(TState state, WaitDiagnostics diagnostics)
    {
    }
}
