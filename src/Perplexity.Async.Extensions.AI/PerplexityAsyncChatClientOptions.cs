using Perplexity.Async.Internal;

namespace Perplexity.Async;

/// <summary>
/// Settings of a <see cref="PerplexityAsyncChatClient"/>: the model used when a call names none, the route family,
/// how the client waits for a job, and what it sends with each create. Read once, when the chat client is created.
/// </summary>
/// <example>
/// <code>
/// IChatClient chat = client.AsIChatClient(new PerplexityAsyncChatClientOptions
/// {
///     DefaultModelId = "sonar-pro",
///     Polling = new PollingOptions { Timeout = TimeSpan.FromMinutes(20) },
/// });
/// </code>
/// </example>
public class PerplexityAsyncChatClientOptions
{
    /// <summary>
    /// The model used when <c>ChatOptions.ModelId</c> is not set. Defaults to <c>sonar-deep-research</c>. Must not be
    /// empty or whitespace. Reported as <c>ChatClientMetadata.DefaultModelId</c>.
    /// </summary>
    public string DefaultModelId { get; set; } = ChatClientDefaults.ModelId;

    /// <summary>
    /// The route family jobs are created and polled on. Defaults to <see cref="PerplexityChatRoute.Sonar"/>
    /// (<c>/v1/async/sonar</c>).
    /// </summary>
    public PerplexityChatRoute Route { get; set; } = ChatClientDefaults.Route;

    /// <summary>
    /// How the chat client polls a job until it is done: delays, jitter, overall timeout (which ends a call with a
    /// <see cref="PerplexityTimeoutException"/>). Defaults to <see langword="null"/>: the client's
    /// <see cref="PerplexityAsyncClientOptions.Polling"/>, or the <see cref="PollingOptions"/> defaults. Invalid
    /// settings are reported when a call starts waiting.
    /// </summary>
    public PollingOptions? Polling { get; set; }

    /// <summary>
    /// The <c>local_mode</c> query parameter and <c>x-…</c> headers sent with each create. Defaults to
    /// <see langword="null"/>: none. Each create gets an idempotency key of its own.
    /// </summary>
    public AsyncRequestOptions? RequestOptions { get; set; }
}
