using System.Net.Http;
using System.Threading;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Perplexity.Async.Testing;
using Perplexity.Async.Tests.TestSupport;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Perplexity.Async.Tests.ExtensionsAI;

/// <summary>
/// A chat client on the legacy sonar route (unless the options name another legacy route) over a Perplexity client over
/// the emulator, all on a clock the test drives. The Agent route's tests use <see cref="AgentChatHarness"/>.
/// </summary>
internal sealed class ChatClientHarness : IDisposable
{
    public const string Question = "How do heat pumps work in cold climates?";

    public ChatClientHarness(PerplexityAsyncChatClientOptions? options = null, Action<PerplexityAsyncClientOptions>? configureClient = null)
    {
        options ??= new PerplexityAsyncChatClientOptions { Route = PerplexityChatRoute.Sonar };
        if (options.Route == PerplexityChatRoute.Agent)
        {
            throw new ArgumentException("This harness is the legacy routes'; set Route to Sonar or ChatCompletions, or use AgentChatHarness.", nameof(options));
        }

        Emulator = new PerplexityEmulator(Clock);
        var clientOptions = new PerplexityAsyncClientOptions
        {
            ApiKey = "pplx-test-key",
            BaseAddress = Emulator.BaseAddress,
            TimeProvider = Clock,

            // A request-timeout timer could be taken by the clock for the next poll delay (see PollingTestBase).
            RequestTimeout = null,
        };
        configureClient?.Invoke(clientOptions);
        Client = Emulator.CreateClient(clientOptions);
        ChatClient = new PerplexityAsyncChatClient(Client, options);
    }

    public static DateTimeOffset Epoch => TestClock.Epoch;

    public TestClock Clock { get; } = new();

    public PerplexityEmulator Emulator { get; }

    public PerplexityAsyncClient Client { get; }

    public PerplexityAsyncChatClient ChatClient { get; }

    /// <summary>The polling defaults without jitter, so every delay is exact.</summary>
    public static PollingOptions ExactPolling(TimeSpan? timeout = null) => new() { UseJitter = false, Timeout = timeout };

    public static List<AIChatMessage> Ask(string question = Question) => [new(ChatRole.User, question)];

    /// <summary>Runs a call to its end, advancing the clock timer by timer.</summary>
    public Task<T> DriveAsync<T>(Task<T> task) => Clock.DriveAsync(task);

    public Task<ChatResponse> GetResponseAsync(string question = Question, ChatOptions? options = null) =>
        DriveAsync(ChatClient.GetResponseAsync(Ask(question), options));

    public Task<List<ChatResponseUpdate>> StreamAsync(string question = Question, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        DriveAsync(CollectAsync(ChatClient.GetStreamingResponseAsync(Ask(question), options, cancellationToken)));

    /// <summary>The <c>request</c> object of every create the emulator received, oldest first.</summary>
    public List<JsonObject> CreateRequests() =>
        Emulator.Requests
            .Where(r => r.Method == HttpMethod.Post)
            .Select(r => JsonNode.Parse(r.Body!)!["request"]!.AsObject())
            .ToList();

    /// <summary>The <c>request</c> object of the only create the emulator received.</summary>
    public JsonObject SingleCreateRequest() => CreateRequests().ShouldHaveSingleItem();

    public static async Task<List<ChatResponseUpdate>> CollectAsync(IAsyncEnumerable<ChatResponseUpdate> updates)
    {
        var items = new List<ChatResponseUpdate>();
        await foreach (var update in updates)
        {
            items.Add(update);
        }

        return items;
    }

    public void Dispose() => Client.Dispose();
}
