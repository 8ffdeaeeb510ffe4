using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.Time.Testing;
using Perplexity.Async.Testing;

namespace Perplexity.Async.Hangfire.Tests.TestSupport;

/// <summary>
/// The emulator on a fake clock (a run finishes when the test advances it), a client on the system clock without
/// transport retries (a fault hits the check it is meant for), a Hangfire storage, and servers on it.
/// </summary>
internal sealed class HangfireHarness : IDisposable
{
    private const string ApiKey = "pplx-hangfire-tests";

    private readonly List<TestServer> _servers = new();

    public HangfireHarness(JobStorage? storage = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
        Emulator = new PerplexityEmulator(new PerplexityEmulatorOptions { TimeProvider = Time, AgentRateLimit = 1_000_000, ApiKey = ApiKey });
        Client = Emulator.CreateClient(new PerplexityAsyncClientOptions
        {
            ApiKey = ApiKey,
            BaseAddress = Emulator.BaseAddress,
            MaxRetries = 0,
        });
        Storage = storage ?? new InMemoryStorage();
        Jobs = new BackgroundJobClient(Storage);
    }

    public FakeTimeProvider Time { get; }

    public PerplexityEmulator Emulator { get; }

    public PerplexityAsyncClient Client { get; }

    public JobStorage Storage { get; }

    public IBackgroundJobClient Jobs { get; }

    public HandledRuns Handled { get; } = new();

    public StateSignals Signals { get; } = new();

    public int Creates => Emulator.Requests.Count(r => r.Method == System.Net.Http.HttpMethod.Post && r.Path.EndsWith("/agent", StringComparison.Ordinal));

    public TestServer StartServer(string name = "server-a", int workers = 4)
    {
        var server = new TestServer(name, Storage, Client, Handled, Signals, workers);
        _servers.Add(server);
        return server;
    }

    /// <summary>Lets every emulated run reach its end (the longest preset takes minutes).</summary>
    public void FinishRuns() => Time.Advance(TimeSpan.FromHours(1));

    public string? Parameter(string jobId, string name)
    {
        using var connection = Storage.GetConnection();
        return connection.GetJobParameter(jobId, name) is { } raw ? global::Hangfire.Common.SerializationHelper.Deserialize<string>(raw) : null;
    }

    public static AgentRequest Question(string text = "How do heat pumps work?") => new() { Preset = AgentPreset.Fast, Input = text };

    public void Dispose()
    {
        foreach (var server in _servers)
        {
            server.Dispose();
        }

        Client.Dispose();
        (Storage as IDisposable)?.Dispose();
    }
}
