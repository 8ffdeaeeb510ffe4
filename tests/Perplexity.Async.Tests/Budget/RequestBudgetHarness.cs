using Perplexity.Async.Testing;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Budget;

/// <summary>An emulator and clients over it on one <see cref="TestClock"/>, and the arrival times of what it received.</summary>
internal sealed class RequestBudgetHarness : IDisposable
{
    public const string ApiKey = "pplx-budget-test";

    private readonly List<PerplexityAsyncClient> _clients = [];

    public RequestBudgetHarness(int serverLimit = 1_000_000)
    {
        Emulator = new PerplexityEmulator(new PerplexityEmulatorOptions { TimeProvider = Clock, ApiKey = ApiKey, AgentRateLimit = serverLimit });
    }

    public TestClock Clock { get; } = new();

    public PerplexityEmulator Emulator { get; }

    public PerplexityAsyncClient Client(RequestBudgetOptions? budget, int maxRetries = 0)
    {
        var client = Emulator.CreateClient(new PerplexityAsyncClientOptions
        {
            ApiKey = ApiKey,
            BaseAddress = Emulator.BaseAddress,
            TimeProvider = Clock,
            RequestTimeout = null,
            MaxRetries = maxRetries,
            RequestBudget = budget,
        });
        _clients.Add(client);
        return client;
    }

    /// <summary>When each request arrived, as time since the clock started, oldest first.</summary>
    public List<TimeSpan> Arrivals() => Emulator.Requests.Select(r => r.ReceivedAt - TestClock.Epoch).ToList();

    /// <summary>The most requests that arrived within any window of <paramref name="window"/> (both ends included).</summary>
    public static int MostWithin(IReadOnlyList<TimeSpan> arrivals, TimeSpan window)
    {
        var most = 0;
        for (var i = 0; i < arrivals.Count; i++)
        {
            var count = arrivals.Skip(i).TakeWhile(t => t - arrivals[i] <= window).Count();
            most = Math.Max(most, count);
        }

        return most;
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }
}
