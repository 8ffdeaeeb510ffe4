using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using Microsoft.Extensions.AI;
using Perplexity.Async.Testing;
using Perplexity.Async.Tests.TestSupport;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Perplexity.Async.Tests.ExtensionsAI.Agent;

/// <summary>A chat client on the Agent route over a Perplexity client over the emulator, all on a clock the test drives.</summary>
internal sealed class AgentChatHarness : IDisposable
{
    public const string Question = "How do heat pumps work in cold climates?";

    public AgentChatHarness(
        PerplexityAsyncChatClientOptions? options = null,
        Action<PerplexityAsyncClientOptions>? configureClient = null,
        Action<PerplexityEmulatorOptions>? configureEmulator = null)
    {
        var emulatorOptions = new PerplexityEmulatorOptions { TimeProvider = Clock, AgentKeepAliveInterval = null };
        configureEmulator?.Invoke(emulatorOptions);
        Emulator = new PerplexityEmulator(emulatorOptions);
        var clientOptions = new PerplexityAsyncClientOptions
        {
            ApiKey = "pplx-test-key",
            BaseAddress = Emulator.BaseAddress,
            TimeProvider = Clock,
            RequestTimeout = null,
            UseRetryJitter = false,
            Polling = Exact(),
        };
        configureClient?.Invoke(clientOptions);
        Client = Emulator.CreateClient(clientOptions);
        ChatClient = new PerplexityAsyncChatClient(Client, options);
    }

    public TestClock Clock { get; } = new();

    public PerplexityEmulator Emulator { get; }

    public PerplexityAsyncClient Client { get; }

    public PerplexityAsyncChatClient ChatClient { get; }

    /// <summary>Run polling without jitter, so every delay is exact: 1 s doubling to 10 s.</summary>
    public static PollingOptions Exact(TimeSpan? timeout = null) =>
        new() { InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(10), UseJitter = false, Timeout = timeout };

    public static List<AIChatMessage> Ask(string question = Question) => [new(ChatRole.User, question)];

    public Task<T> DriveAsync<T>(Task<T> task) => Clock.DriveAsync(task);

    public Task<ChatResponse> GetResponseAsync(string question = Question, ChatOptions? options = null) =>
        DriveAsync(ChatClient.GetResponseAsync(Ask(question), options));

    public Task<List<ChatResponseUpdate>> StreamAsync(string question = Question, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        DriveAsync(CollectAsync(ChatClient.GetStreamingResponseAsync(Ask(question), options, cancellationToken)));

    /// <summary>The JSON body of every create the emulator received, oldest first.</summary>
    public List<JsonObject> CreateBodies() =>
        Emulator.Requests
            .Where(r => r.Method == HttpMethod.Post && r.Path == "/v1/agent")
            .Select(r => JsonNode.Parse(r.Body!)!.AsObject())
            .ToList();

    /// <summary>The body of the only create the emulator received.</summary>
    public JsonObject SingleCreateBody() => CreateBodies().ShouldHaveSingleItem();

    /// <summary>Every request, as <c>METHOD /path</c>.</summary>
    public List<string> Calls() => Emulator.Requests.Select(r => r.Method.Method + " " + r.Path).ToList();

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
