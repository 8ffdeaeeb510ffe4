namespace Perplexity.Async.Internal;

/// <summary>The defaults of <see cref="PerplexityAsyncChatClientOptions"/> and the metadata the chat client reports.</summary>
internal static class ChatClientDefaults
{
    /// <summary>
    /// The model of the Agent route when neither the call nor the options name one: the <c>medium</c> preset, the
    /// closest equivalent of the legacy default <c>sonar-deep-research</c> (Perplexity's migration guide).
    /// </summary>
    public const string AgentModelId = "medium";

    /// <summary>The model of the legacy routes when neither the call nor the options name one: the deep-research model.</summary>
    public const string ModelId = "sonar-deep-research";

    /// <summary>The provider name in <c>ChatClientMetadata</c>, as OpenTelemetry's GenAI conventions spell it.</summary>
    public const string ProviderName = "perplexity";

    /// <summary>The route used by default.</summary>
    public const PerplexityChatRoute Route = PerplexityChatRoute.Agent;
}
