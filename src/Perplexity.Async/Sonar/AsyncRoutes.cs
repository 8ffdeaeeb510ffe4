namespace Perplexity.Async;

/// <summary>The two route families of the async API.</summary>
internal static class AsyncRoutes
{
    /// <summary>The current routes, shown in the documentation.</summary>
    public const string Sonar = "v1/async/sonar";

    /// <summary>The legacy routes, still used by the official SDKs.</summary>
    public const string ChatCompletions = "async/chat/completions";
}
