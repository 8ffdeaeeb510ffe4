using Perplexity.Async.Internal;

namespace Perplexity.Async;

/// <summary>
/// Settings of a <see cref="PerplexityAsyncChatClient"/>: the model used when a call names none, the route, how the
/// client waits for a run, and what it sends with each create. Read once, when the chat client is created.
/// </summary>
/// <example>
/// <code>
/// IChatClient chat = client.AsIChatClient(new PerplexityAsyncChatClientOptions
/// {
///     DefaultModelId = "openai/gpt-5.2",             // or a preset: "fast", "low", "medium", "high", "xhigh"
///     Polling = new PollingOptions { Timeout = TimeSpan.FromMinutes(20) },
/// });
/// </code>
/// </example>
public class PerplexityAsyncChatClientOptions
{
    /// <summary>
    /// The model used when <c>ChatOptions.ModelId</c> is not set. On the Agent route a <c>provider/model</c> id (it has
    /// a <c>/</c>) is sent as <c>model</c> and any other value as <c>preset</c>. Defaults to <see langword="null"/>: the
    /// route's default, the <c>medium</c> preset on the Agent route and <c>sonar-deep-research</c> on the legacy ones.
    /// Must not be empty or whitespace when set. Reported as <c>ChatClientMetadata.DefaultModelId</c>.
    /// </summary>
    public string? DefaultModelId { get; set; }

    /// <summary>The API calls run on. Defaults to <see cref="PerplexityChatRoute.Agent"/>.</summary>
    public PerplexityChatRoute Route { get; set; } = ChatClientDefaults.Route;

    /// <summary>
    /// How the chat client polls a run until it is done: delays, jitter, overall timeout (which ends a call with a
    /// <see cref="PerplexityTimeoutException"/>). Defaults to <see langword="null"/>: the client's
    /// <see cref="PerplexityAsyncClientOptions.Polling"/>, or the route's defaults. Invalid settings are reported when a
    /// call starts waiting.
    /// </summary>
    public PollingOptions? Polling { get; set; }

    /// <summary>
    /// Legacy routes only: the <c>local_mode</c> query parameter and <c>x-…</c> headers sent with each create. Defaults
    /// to <see langword="null"/>: none. The Agent route has no per-request options (set headers on the
    /// <see cref="System.Net.Http.HttpClient"/>).
    /// </summary>
    public AsyncRequestOptions? RequestOptions { get; set; }
}
