using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.DependencyInjection;

namespace Perplexity.Async.Hangfire.Tests.TestSupport;

/// <summary>
/// One in-process Hangfire server with its own container (as one machine of a web farm has): the shared client, the
/// shared handler record, its own <see cref="ServerName"/>, and short polling so a test waits milliseconds, not seconds.
/// </summary>
internal sealed class TestServer : IDisposable
{
    /// <summary>Checks 20 ms apart, growing to 100 ms: Hangfire's scheduler, polled every 25 ms, is the granularity.</summary>
    public static PollingOptions FastPolling() => new() { InitialDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(100) };

    private readonly ServiceProvider _provider;
    private readonly BackgroundJobServer _server;

    public TestServer(string name, JobStorage storage, PerplexityAsyncClient client, HandledRuns handled, StateSignals signals, int workers = 4)
    {
        var services = new ServiceCollection();
        services.AddSingleton(client);
        services.AddSingleton(handled);
        services.AddSingleton(new ServerName(name));
        services.AddTransient<RecordingHandler>();
        services.AddPerplexityHangfire(o => o.Polling = FastPolling());
        _provider = services.BuildServiceProvider();
        Name = name;
        _server = new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                ServerName = name,
                WorkerCount = workers,
                SchedulePollingInterval = TimeSpan.FromMilliseconds(25),
                ShutdownTimeout = TimeSpan.FromSeconds(10),
                Activator = new AspNetCoreJobActivator(_provider.GetRequiredService<IServiceScopeFactory>()),
                FilterProvider = signals.Provider,
            },
            storage);
    }

    public string Name { get; }

    public void Dispose()
    {
        _server.Dispose();
        _provider.Dispose();
    }
}
