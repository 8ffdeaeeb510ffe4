// Runs handled per minute by the Hangfire path on PostgreSQL (docs/benchmarks.md, "Durable runs on Hangfire").
//
//   PERPLEXITY_HANGFIRE_PG="Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres" \
//     dotnet run -c Release --project bench/Perplexity.Async.Hangfire.Throughput -- [runs] [servers] [workers]
//
// Starts (from 8 threads) `runs` emulated fast runs (2 s each) through StartPerplexityRun on `servers` BackgroundJobServers sharing one
// PostgreSQL storage (a fresh schema), with the SDK's default check backoff (1 s doubling to 10 s, jitter), and times
// from the first enqueue to the last handler call. The emulator's rate limit is lifted: this measures Hangfire and
// PostgreSQL, not Perplexity's limit (50 requests a second was observed; see the request budget for that).
using System.Collections.Concurrent;
using System.Diagnostics;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.DependencyInjection;
using Perplexity.Async;
using Perplexity.Async.Hangfire.Throughput;
using Perplexity.Async.Testing;

var connectionString = Environment.GetEnvironmentVariable("PERPLEXITY_HANGFIRE_PG");
if (string.IsNullOrEmpty(connectionString))
{
    Console.Error.WriteLine("Set PERPLEXITY_HANGFIRE_PG to a PostgreSQL connection string.");
    return 2;
}

var runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 300;
var serverCount = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2;
var workers = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10;

var emulator = new PerplexityEmulator(new PerplexityEmulatorOptions
{
    ApiKey = "pplx-bench",
    AgentRateLimit = 1_000_000,
    AgentQueuedDuration = TimeSpan.FromMilliseconds(500),
    AgentFastDuration = TimeSpan.FromSeconds(2),
});
using var client = emulator.CreateClient(new PerplexityAsyncClientOptions { ApiKey = "pplx-bench", BaseAddress = emulator.BaseAddress });
var options = new PostgreSqlStorageOptions
{
    SchemaName = "hangfire_bench_" + Guid.NewGuid().ToString("N")[..8],
    QueuePollInterval = TimeSpan.FromMilliseconds(200),
    PrepareSchemaIfNecessary = true,
};
var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
var handled = new Handled(runs);

var services = new ServiceCollection();
services.AddSingleton(client);
services.AddSingleton(handled);
services.AddTransient<TimingHandler>();
services.AddPerplexityHangfire();
using var provider = services.BuildServiceProvider();
var servers = Enumerable.Range(0, serverCount).Select(i => new BackgroundJobServer(
    new BackgroundJobServerOptions
    {
        ServerName = $"bench-{i}",
        WorkerCount = workers,
        SchedulePollingInterval = TimeSpan.FromSeconds(1),
        Activator = new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()),
    },
    storage)).ToList();

var jobs = new BackgroundJobClient(storage);
var clock = Stopwatch.StartNew();
// Enqueued from 8 threads at once, as the requests of a web farm would.
Parallel.For(0, runs, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
    jobs.StartPerplexityRun<TimingHandler>(new AgentRequest { Preset = AgentPreset.Fast, Input = $"Benchmark question {i}?" }));

var enqueued = clock.Elapsed;
await handled.All.WaitAsync(TimeSpan.FromMinutes(10));
var elapsed = clock.Elapsed;
foreach (var server in servers)
{
    server.SendStop();
}

foreach (var server in servers)
{
    server.Dispose();
}

var runsById = emulator.AgentRuns.ToDictionary(r => r.Id);
var lateness = handled.Calls.Select(c => (c.At - runsById[c.RunId].FinishesAt!.Value).TotalSeconds).ToList();
var gets = emulator.Requests.Count(r => r.Method == HttpMethod.Get);
Console.WriteLine($"runs {runs}, servers {serverCount} x {workers} workers, PostgreSQL storage, SDK default check backoff");
Console.WriteLine($"enqueued in {enqueued.TotalSeconds:F2} s; all handled after {elapsed.TotalSeconds:F2} s");
Console.WriteLine($"handled per minute: {runs / elapsed.TotalMinutes:F0}");
Console.WriteLine($"handler calls {handled.Calls.Count} (distinct runs {handled.Calls.Select(c => c.RunId).Distinct().Count()}), creates {emulator.AgentRuns.Count}, GETs {gets} ({(double)gets / runs:F1} a run)");
Console.WriteLine($"handled after the run finished: mean {lateness.Average():F2} s, max {lateness.Max():F2} s");
return handled.Calls.Count == runs && emulator.AgentRuns.Count == runs ? 0 : 1;

namespace Perplexity.Async.Hangfire.Throughput
{
    internal sealed record Call(string RunId, DateTimeOffset At);

    internal sealed class Handled(int expected)
    {
        private readonly ConcurrentQueue<Call> _calls = new();
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task All => _all.Task;

        public IReadOnlyCollection<Call> Calls => _calls;

        public void Add(Call call)
        {
            _calls.Enqueue(call);
            if (_calls.Count >= expected)
            {
                _all.TrySetResult();
            }
        }
    }

    internal sealed class TimingHandler(Handled handled) : IPerplexityRunHandler
    {
        public Task HandleAsync(AgentResponse response, PerplexityRunContext context, CancellationToken cancellationToken)
        {
            handled.Add(new Call(context.RunId, TimeProvider.System.GetUtcNow()));
            return Task.CompletedTask;
        }
    }
}
