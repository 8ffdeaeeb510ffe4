namespace Perplexity.Async;

/// <summary>Which API a <see cref="PerplexityAsyncChatClient"/> runs its calls on.</summary>
public enum PerplexityChatRoute
{
    /// <summary>
    /// The Agent API (<see cref="PerplexityAsyncClient.Agent"/>: <c>POST /v1/agent</c>, <c>GET /v1/responses/{id}</c>),
    /// the API that serves long runs since Perplexity retired the async chat completions. The default.
    /// </summary>
    Agent = 0,

    /// <summary>
    /// The retired routes <c>/v1/async/sonar</c> (<see cref="PerplexityAsyncClient.Sonar"/>), kept for deployments and
    /// recordings that still speak them (Perplexity itself answers 403): the completion adds images and related questions.
    /// </summary>
    Sonar = 1,

    /// <summary>
    /// The retired routes <c>/async/chat/completions</c> (<see cref="PerplexityAsyncClient.ChatCompletions"/>), kept as
    /// <see cref="Sonar"/> is: the message carries reasoning steps, surfaced as reasoning content.
    /// </summary>
    ChatCompletions = 2,
}
