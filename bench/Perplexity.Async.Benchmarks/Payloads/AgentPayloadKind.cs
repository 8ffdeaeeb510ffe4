namespace Perplexity.Async.Benchmarks.Payloads;

/// <summary>The Agent API response bodies the Agent benchmarks run against.</summary>
public enum AgentPayloadKind
{
    /// <summary>A background run just submitted: the 32-key envelope, <c>status: queued</c>, no output (about 800 bytes).</summary>
    Queued,

    /// <summary>
    /// A completed deep-research run (≥200 KB): many <c>search_results</c> and <c>fetch_url_results</c> items, the
    /// answer message with citations, usage with tool details and cost.
    /// </summary>
    DeepResearch,
}
