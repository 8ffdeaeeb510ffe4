using System.Net.Http;
using System.Text.Json.Nodes;
using Perplexity.Async.Testing;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Agent;

/// <summary>An SDK client over the emulator's Agent API, both on a clock the test drives.</summary>
internal sealed class AgentClientHarness : IDisposable
{
    public AgentClientHarness(Action<PerplexityAsyncClientOptions>? configure = null, Action<PerplexityEmulatorOptions>? emulator = null)
    {
        var emulatorOptions = new PerplexityEmulatorOptions { TimeProvider = Clock, AgentKeepAliveInterval = null };
        emulator?.Invoke(emulatorOptions);
        Emulator = new PerplexityEmulator(emulatorOptions);
        var options = new PerplexityAsyncClientOptions
        {
            ApiKey = "pplx-agent-tests",
            BaseAddress = Emulator.BaseAddress,
            TimeProvider = Clock,
            RequestTimeout = null,
            UseRetryJitter = false,
            Polling = Exact(),
        };
        configure?.Invoke(options);
        Client = Emulator.CreateClient(options);
    }

    public TestClock Clock { get; } = new();

    public PerplexityEmulator Emulator { get; }

    public PerplexityAsyncClient Client { get; }

    public AgentClient Agent => Client.Agent;

    /// <summary>Run defaults without jitter, so every delay is exact: 1 s doubling to 10 s.</summary>
    public static PollingOptions Exact(TimeSpan? timeout = null) =>
        new() { InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(10), UseJitter = false, Timeout = timeout };

    public static AgentRequest Fast(string question = "How do heat pumps work in cold climates?") =>
        new() { Preset = AgentPreset.Fast, Input = question };

    public Task<T> DriveAsync<T>(Task<T> task) => Clock.DriveAsync(task);

    /// <summary>The JSON bodies of the creates the emulator received.</summary>
    public List<JsonObject> CreateBodies() =>
        Emulator.Requests.Where(r => r.Method == HttpMethod.Post && r.Path == "/v1/agent").Select(r => JsonNode.Parse(r.Body!)!.AsObject()).ToList();

    public List<string> Calls() => Emulator.Requests.Select(r => r.Method.Method + " " + r.Path).ToList();

    public void Dispose() => Client.Dispose();
}
