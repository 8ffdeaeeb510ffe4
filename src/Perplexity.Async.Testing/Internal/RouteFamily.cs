namespace Perplexity.Async.Testing.Internal;

/// <summary>The two route families of the async API; both share one job store.</summary>
internal enum RouteFamily
{
    /// <summary><c>v1/async/sonar</c>: the completion carries images and related questions.</summary>
    Sonar,

    /// <summary><c>async/chat/completions</c>: the message carries reasoning steps.</summary>
    ChatCompletions,
}
