namespace Perplexity.Async;

/// <summary>What an <see cref="IPerplexityRunHandler"/> is told besides the response: which run, started by which job.</summary>
/// <param name="RunId">The run's id (<c>resp_…</c>).</param>
/// <param name="StartJobId">The Hangfire job that created the run (the id <c>StartPerplexityRun</c> returned).</param>
public sealed record PerplexityRunContext(string RunId, string StartJobId)
{
    /// <summary>How many times the run was read before it was seen finished (the GETs of the checks).</summary>
    public int Checks { get; init; }

    /// <summary>
    /// 1 the first time the handler is called for this run; higher when an earlier call threw or its process stopped
    /// before it returned.
    /// </summary>
    public int Attempt { get; init; } = 1;
}
