namespace Perplexity.Async.Internal;

/// <summary>The defaults of <see cref="PerplexityAsyncChatClientOptions"/> and the metadata the chat client reports.</summary>
internal static class ChatClientDefaults
{
    /// <summary>The model used when neither the call nor the options name one: the deep-research model.</summary>
    public const string ModelId = "sonar-deep-research";

    /// <summary>The provider name in <c>ChatClientMetadata</c>, as OpenTelemetry's GenAI conventions spell it.</summary>
    public const string ProviderName = "perplexity";

    /// <summary>The route family used by default.</summary>
    public const PerplexityChatRoute Route = PerplexityChatRoute.Sonar;
}
