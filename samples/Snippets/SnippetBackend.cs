using Perplexity.Async;
using Perplexity.Async.Testing;

namespace Snippets;

/// <summary>
/// Where the snippets send their requests: the Perplexity API when <c>PERPLEXITY_API_KEY</c> is set, otherwise the
/// in-memory emulator from Perplexity.Async.Testing, so every snippet runs offline.
/// </summary>
internal sealed class SnippetBackend
{
    private readonly Action<PerplexityAsyncClientOptions> _configure;

    private SnippetBackend(string description, PerplexityEmulator? emulator, Action<PerplexityAsyncClientOptions> configure)
    {
        Description = description;
        Emulator = emulator;
        _configure = configure;
    }

    /// <summary>One line for the user: which backend answers.</summary>
    public string Description { get; }

    /// <summary>The emulator when there is no API key; null when the real API answers.</summary>
    public PerplexityEmulator? Emulator { get; }

    /// <summary>The real API when <c>PERPLEXITY_API_KEY</c> is set, the emulator on the system clock otherwise.</summary>
    public static SnippetBackend FromEnvironment() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PerplexityAsyncClientOptions.ApiKeyEnvironmentVariable))
            ? CreateEmulator(TimeProvider.System)
            : new SnippetBackend(
                $"Backend: Perplexity API at {PerplexityAsyncClientOptions.DefaultBaseAddress} (PERPLEXITY_API_KEY is set)",
                emulator: null,
                configure: _ => { }); // the options read the key from PERPLEXITY_API_KEY

    /// <summary>
    /// The emulator on <paramref name="time"/>, with jobs of about 2 seconds and a client that polls often enough to
    /// see them; <paramref name="configure"/> changes the client's options further (tests use it).
    /// </summary>
    public static SnippetBackend CreateEmulator(TimeProvider time, Action<PerplexityAsyncClientOptions>? configure = null)
    {
        var emulator = new PerplexityEmulator(new PerplexityEmulatorOptions
        {
            TimeProvider = time,
            QueuedDuration = TimeSpan.FromMilliseconds(500),
            RunningDuration = TimeSpan.FromMilliseconds(1500),
        });
        return new SnippetBackend(
            "Backend: built-in emulator, offline (set PERPLEXITY_API_KEY to use the Perplexity API instead)",
            emulator,
            options =>
            {
                options.ApiKey = "pplx-emulator"; // any key will do: nothing leaves this process
                options.BaseAddress = emulator.BaseAddress;
                options.TimeProvider = time;
                options.Polling = new PollingOptions { InitialDelay = TimeSpan.FromMilliseconds(250), MaxDelay = TimeSpan.FromMilliseconds(500) };
                configure?.Invoke(options);
            });
    }

    /// <summary>Sets the client options for this backend: pass it to <c>AddPerplexityAsync</c>.</summary>
    public void Configure(PerplexityAsyncClientOptions options) => _configure(options);

    /// <summary>A client for this backend; dispose it when done.</summary>
    public PerplexityAsyncClient CreateClient()
    {
        var options = new PerplexityAsyncClientOptions();
        Configure(options);
        return Emulator is null ? new PerplexityAsyncClient(options) : Emulator.CreateClient(options);
    }
}
