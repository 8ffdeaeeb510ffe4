namespace Perplexity.Async.Benchmarks.Infrastructure;

/// <summary>
/// The benchmark categories: each holds one hand-written baseline and the SDK call it is compared with, so
/// BenchmarkDotNet's ratio column reads "SDK cost / hand-written cost" (per payload where there are payloads).
/// </summary>
public static class Categories
{
    /// <summary>Deserializing a body from a stream: SDK models and context vs plain DTOs and context.</summary>
    public const string Deserialize = "Deserialize";

    /// <summary>Deserializing an Agent API run from a stream: SDK models and context vs plain DTOs and context.</summary>
    public const string AgentDeserialize = "AgentDeserialize";

    /// <summary>One GET of an Agent API run end to end: <c>client.Agent.GetAsync</c> vs HttpClient + STJ into DTOs.</summary>
    public const string AgentGetAsync = "AgentGetAsync";

    /// <summary>Reading a 5 MB streamed run end to end: <c>client.Agent.StreamAsync</c> vs <c>SseParser</c> + STJ into DTOs.</summary>
    public const string AgentStream = "AgentStream";

    /// <summary>One GET end to end over an in-memory handler: <c>GetAsync</c> vs HttpClient + STJ.</summary>
    public const string GetAsync = "GetAsync";

    /// <summary>
    /// One poll round of <c>WaitForCompletionAsync</c> on an unfinished job against the bare <c>GetAsync</c> it sends:
    /// allocations beyond the HTTP exchange, goal zero.
    /// </summary>
    public const string PollRound = "PollRound";

    /// <summary><c>WaitForAllAsync</c> over 100 jobs against per-id polling: HTTP requests per round, goal 1 against 100.</summary>
    public const string WaitForAll = "WaitForAll";
}
