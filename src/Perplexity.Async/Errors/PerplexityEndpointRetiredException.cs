using System;

namespace Perplexity.Async;

/// <summary>
/// The route was retired: Perplexity answers the async chat-completions routes (<c>/async/chat/completions</c>,
/// <c>/chat/completions</c>, and by every sign <c>/v1/async/sonar</c>) with <c>403 chat_completions_not_available</c>
/// since 2026-09-27. It is never retried and ends every wait at once. Use <c>client.Agent</c> (the Agent API's
/// background mode): see <see cref="MigrationGuide"/>.
/// </summary>
public sealed class PerplexityEndpointRetiredException : PerplexityApiException
{
    /// <summary>The error type the API answers a retired route with.</summary>
    public const string RetiredErrorType = "chat_completions_not_available";

    /// <summary>Perplexity's guide to moving from the Sonar routes to the Agent API.</summary>
    public static readonly Uri MigrationGuide = new("https://docs.perplexity.ai/docs/agent-api/migrate-from-sonar/overview");

    /// <summary>Creates the exception from the parts of a failed response.</summary>
    public PerplexityEndpointRetiredException(string message, PerplexityErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
