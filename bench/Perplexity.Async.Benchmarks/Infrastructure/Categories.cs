namespace Perplexity.Async.Benchmarks.Infrastructure;

/// <summary>
/// The benchmark categories: each holds one hand-written baseline and the SDK call it is compared with, so
/// BenchmarkDotNet's ratio column reads "SDK cost / hand-written cost" (per payload where there are payloads).
/// </summary>
public static class Categories
{
    /// <summary>Deserializing a body from a stream: SDK models and context vs plain DTOs and context.</summary>
    public const string Deserialize = "Deserialize";

    /// <summary>One GET end to end over an in-memory handler: <c>GetAsync</c> vs HttpClient + STJ.</summary>
    public const string GetAsync = "GetAsync";

    // Still to come (their APIs are being built): one poll round of WaitForCompletionAsync on an unfinished job
    // ("PollRound": allocations beyond the HTTP exchange, goal zero) and WaitForAllAsync over 100 jobs
    // ("WaitForAll": HTTP requests per round, goal 1). Both reuse InMemoryHandler (its request count) and Payloads.
}
