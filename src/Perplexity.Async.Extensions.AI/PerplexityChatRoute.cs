namespace Perplexity.Async;

/// <summary>Which route family a <see cref="PerplexityAsyncChatClient"/> creates and polls its jobs on.</summary>
public enum PerplexityChatRoute
{
    /// <summary>
    /// The current routes, <c>/v1/async/sonar</c> (<see cref="PerplexityAsyncClient.Sonar"/>): the completion adds
    /// images and related questions. The default.
    /// </summary>
    Sonar = 0,

    /// <summary>
    /// The legacy routes, <c>/async/chat/completions</c> (<see cref="PerplexityAsyncClient.ChatCompletions"/>): the
    /// message carries reasoning steps, surfaced as reasoning content.
    /// </summary>
    ChatCompletions = 1,
}
