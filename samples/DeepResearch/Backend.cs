using Perplexity.Async;
using Perplexity.Async.Testing;

namespace DeepResearch;

/// <summary>
/// Where the questions go: the Perplexity API when <c>PERPLEXITY_API_KEY</c> is set, otherwise the in-memory
/// emulator from Perplexity.Async.Testing, so the sample runs offline on a fresh machine.
/// </summary>
internal sealed class Backend : IDisposable
{
    private Backend(string description, PerplexityAsyncClient client, PerplexityEmulator? emulator)
    {
        Description = description;
        Client = client;
        Emulator = emulator;
    }

    /// <summary>One line for the user: which backend answers, and how to switch.</summary>
    public string Description { get; }

    /// <summary>The client to use; it talks to the API or to the emulator, the code is the same.</summary>
    public PerplexityAsyncClient Client { get; }

    /// <summary>The emulator when there is no API key; null when the real API answers.</summary>
    public PerplexityEmulator? Emulator { get; }

    /// <summary>The real API when <c>PERPLEXITY_API_KEY</c> is set, the emulator (on <paramref name="time"/>) otherwise.</summary>
    public static Backend FromEnvironment(TimeProvider time)
    {
        var apiKey = Environment.GetEnvironmentVariable(PerplexityAsyncClientOptions.ApiKeyEnvironmentVariable);
        return string.IsNullOrWhiteSpace(apiKey) ? CreateEmulator(time) : CreatePerplexityApi(apiKey);
    }

    /// <summary>The Perplexity API, with the SDK's default polling (1 s growing to 10 s for runs, 15 s for legacy jobs).</summary>
    public static Backend CreatePerplexityApi(string apiKey) =>
        new(
            $"Backend: Perplexity API at {PerplexityAsyncClientOptions.DefaultBaseAddress} (PERPLEXITY_API_KEY is set)",
            new PerplexityAsyncClient(apiKey),
            emulator: null);

    /// <summary>
    /// The built-in emulator: runs and jobs take about 3 seconds instead of minutes, and the client polls often enough to see
    /// that. <paramref name="time"/> drives both; the app passes the system clock, its tests a fake one.
    /// <paramref name="configure"/> changes the client's options further (the tests use it).
    /// </summary>
    public static Backend CreateEmulator(TimeProvider time, Action<PerplexityAsyncClientOptions>? configure = null)
    {
        var emulator = new PerplexityEmulator(new PerplexityEmulatorOptions
        {
            TimeProvider = time,
            QueuedDuration = TimeSpan.FromSeconds(1),
            RunningDuration = TimeSpan.FromSeconds(2),

            // A medium-preset run takes about 40 s on Perplexity; here 3 s, so the demo shows its states quickly.
            AgentQueuedDuration = TimeSpan.FromSeconds(1),
            AgentMediumDuration = TimeSpan.FromSeconds(3),
        });
        var options = new PerplexityAsyncClientOptions
        {
            ApiKey = "pplx-emulator", // any key will do: nothing leaves this process
            BaseAddress = emulator.BaseAddress,
            TimeProvider = time,
            Polling = new PollingOptions { InitialDelay = TimeSpan.FromMilliseconds(250), MaxDelay = TimeSpan.FromMilliseconds(500) },
        };
        configure?.Invoke(options);
        var client = emulator.CreateClient(options);
        return new(
            "Backend: built-in emulator, offline (set PERPLEXITY_API_KEY to ask the Perplexity API instead)",
            client,
            emulator);
    }

    public void Dispose() => Client.Dispose();
}
