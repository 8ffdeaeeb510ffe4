using System;
using System.Threading;
using System.Threading.Tasks;

namespace Perplexity.Async.Waiting;

/// <summary>
/// What a kind of wait supplies to <see cref="WaitEngine"/>: one round (a poll, a list round, a stream segment) and
/// the exception for when the overall timeout runs out. Everything else (backoff, jitter, the cap, the overall
/// timeout, <c>Retry-After</c>, the failure budget, cancellation, the wait's span and duration) is the engine's.
/// </summary>
internal interface IWaitRound
{
    /// <summary>The wait's span name, for example <c>wait v1/async/sonar/{api_request}</c>.</summary>
    string SpanName { get; }

    /// <summary>The route template the wait polls, for logs and tags; never an id.</summary>
    string RouteTemplate { get; }

    /// <summary>The job or run the wait is about, stamped on every exception the wait throws; null for a wait on many.</summary>
    string? JobId { get; }

    /// <summary>The jobs or runs a wait on many is about, in the order given, stamped on every exception it throws; null for a wait on one.</summary>
    System.Collections.Generic.IReadOnlyList<string>? JobIds { get; }

    /// <summary>
    /// After a round that did not end the wait: how long until the next round has work (a wait on many whose runs are not
    /// due yet). The pause is then max(backoff, this). Null to pause for the backoff alone.
    /// </summary>
    TimeSpan? NextRoundIn { get; }

    /// <summary>Runs one round. Returns true when the wait is over (the job is terminal), false for another round.</summary>
    /// <param name="diagnostics">The wait's telemetry: count each request as a poll, report status changes and the end.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <exception cref="Exception">A transient failure (the engine retries it within the failure budget) or any other,
    /// which ends the wait.</exception>
    ValueTask<bool> RunAsync(WaitDiagnostics diagnostics, CancellationToken cancellationToken);

    /// <summary>The exception thrown when the overall timeout (<see cref="PollingOptions.Timeout"/>) runs out; server text redacted.</summary>
    PerplexityTimeoutException CreateTimeout(TimeSpan timeout, Exception innerException, Errors.Redactor redactor);
}
