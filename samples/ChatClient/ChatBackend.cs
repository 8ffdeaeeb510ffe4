using Microsoft.Extensions.DependencyInjection;
using Perplexity.Async;
using Perplexity.Async.Testing;

namespace ChatClientSample;

/// <summary>
/// Registers the <see cref="PerplexityAsyncClient"/> the chat client sends with: the Perplexity API when
/// <c>PERPLEXITY_API_KEY</c> is set, otherwise the in-memory emulator from Perplexity.Async.Testing, so the sample
/// runs offline on a fresh machine. Everything above this registration is the same either way.
/// </summary>
internal static class ChatBackend
{
    /// <summary>Registers the client and returns one line for the user saying which backend answers.</summary>
    public static string Register(IServiceCollection services, string? apiKey, TimeProvider time)
    {
        if (!string.IsNullOrWhiteSpace(apiKey))
        {
            services.AddPerplexityAsync(o => o.ApiKey = apiKey);
            return $"Backend: Perplexity API at {PerplexityAsyncClientOptions.DefaultBaseAddress} (PERPLEXITY_API_KEY is set)";
        }

        // Runs take about 3 seconds instead of minutes, and the client polls often enough to see each status.
        var emulator = new PerplexityEmulator(new PerplexityEmulatorOptions
        {
            TimeProvider = time,
            AgentQueuedDuration = TimeSpan.FromSeconds(1),
            AgentMediumDuration = TimeSpan.FromSeconds(3),
        });
        services.AddSingleton(emulator);
        services.AddSingleton(time);
        services.AddPerplexityAsync(o =>
            {
                o.ApiKey = "pplx-emulator"; // any key will do: nothing leaves this process
                o.BaseAddress = emulator.BaseAddress;
                o.Polling = new PollingOptions { InitialDelay = TimeSpan.FromMilliseconds(250), MaxDelay = TimeSpan.FromMilliseconds(500) };
            })
            .ConfigurePrimaryHttpMessageHandler(() => emulator);
        return "Backend: built-in emulator, offline (set PERPLEXITY_API_KEY to ask the Perplexity API instead)";
    }
}
