using System.Threading;
using Hangfire;
using System.Threading.Tasks;

namespace Perplexity.Async;

/// <summary>
/// Receives the final state of a run started with
/// <see cref="PerplexityBackgroundJobClientExtensions.StartPerplexityRun{THandler}(IBackgroundJobClient, AgentRequest)"/>:
/// <c>completed</c>, <c>incomplete</c>, <c>failed</c> or <c>cancelled</c>, once per run, on whichever Hangfire server
/// picks up the check that saw it finish. Resolved from the job's dependency-injection scope.
/// </summary>
/// <remarks>
/// A handler that throws is called again when Hangfire retries the check (with <see cref="PerplexityRunContext.Attempt"/>
/// one higher); so is one whose process stopped before it returned. A handler that returned is never called again for
/// the same run. Make the handler's effects idempotent on <see cref="PerplexityRunContext.RunId"/> if a second call
/// after a crash would hurt.
/// </remarks>
public interface IPerplexityRunHandler
{
    /// <summary>Handles a finished run.</summary>
    /// <param name="response">The run's final state; <see cref="AgentResponse.Status"/> says how it ended.</param>
    /// <param name="context">Which run, which Hangfire job started it, and the how-manieth attempt this is.</param>
    /// <param name="cancellationToken">Signalled when the Hangfire server stops or the job is deleted.</param>
    /// <returns>A task that completes when the run is handled.</returns>
    Task HandleAsync(AgentResponse response, PerplexityRunContext context, CancellationToken cancellationToken);
}
