using System.Threading;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Perplexity.Async.Hangfire.Jobs;
using Perplexity.Async.Hangfire.Tests.TestSupport;

namespace Perplexity.Async.Hangfire.Tests.PostgreSql;

/// <summary>The web farm on a real PostgreSQL (Hangfire.PostgreSql): servers share the storage, one stops mid-wait.</summary>
public sealed class TwoServersTests : IClassFixture<PostgresCluster>
{
    private readonly PostgresCluster _cluster;

    public TwoServersTests(PostgresCluster cluster) => _cluster = cluster;

    internal static PostgreSqlStorage Storage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire_" + Guid.NewGuid().ToString("N")[..12],
            QueuePollInterval = TimeSpan.FromMilliseconds(50),
            PrepareSchemaIfNecessary = true,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    [Fact]
    public async Task StartPerplexityRun_OneOfTwoServersStopsMidWait_TheOtherHandlesEveryRunOnce()
    {
        const int runs = 12;
        using var h = new HangfireHarness(Storage(_cluster.ConnectionString));
        var a = h.StartServer("server-a");
        h.StartServer("server-b");

        var starts = Enumerable.Range(0, runs).Select(i => h.Jobs.StartPerplexityRun<RecordingHandler>(HangfireHarness.Question($"Farm question {i}?"))).ToList();
        foreach (var start in starts)
        {
            await h.Signals.WaitForAsync(start, "Succeeded");
        }

        // Every run is being waited on (checked at least once, still running) when server A stops.
        var runIds = starts.Select(s => h.Parameter(s, RunParameters.RunId)!).ToList();
        foreach (var runId in runIds)
        {
            await h.Signals.WaitAsync(e => e.Method == "CheckAsync" && e.State == "Succeeded"
                    && h.Emulator.Requests.Any(r => r.Method == System.Net.Http.HttpMethod.Get && r.Path.EndsWith(runId, StringComparison.Ordinal)))
                .Within($"a check of {runId}");
        }

        a.Dispose();
        var handledBefore = h.Handled.Calls.Count;
        h.FinishRuns();
        await h.Handled.WhenCount(runs);

        handledBefore.ShouldBe(0);
        h.Handled.Calls.Select(c => c.Context.RunId).OrderBy(x => x).ShouldBe(runIds.OrderBy(x => x));
        h.Handled.Calls.ShouldAllBe(c => c.Server == "server-b");
        h.Handled.Calls.ShouldAllBe(c => c.Response.Status == AgentResponseStatus.Completed && c.Context.Attempt == 1);
        h.Creates.ShouldBe(runs);
        h.Emulator.AgentRuns.Count.ShouldBe(runs);
    }

    [Fact]
    public async Task StartPerplexityRun_TwoServersRace_EachRunHandledExactlyOnce()
    {
        const int runs = 20;
        using var h = new HangfireHarness(Storage(_cluster.ConnectionString));
        h.StartServer("server-a");
        h.StartServer("server-b");

        var starts = Enumerable.Range(0, runs).Select(i => h.Jobs.StartPerplexityRun<RecordingHandler>(HangfireHarness.Question($"Race question {i}?"))).ToList();
        foreach (var start in starts)
        {
            await h.Signals.WaitForAsync(start, "Succeeded");

            // A duplicate chain of checks for every run, so both servers check each run at the same time.
            var runId = h.Parameter(start, RunParameters.RunId)!;
            h.Jobs.Enqueue<PerplexityRunJob<RecordingHandler>>(j => j.CheckAsync(runId, start, 1, 0, null, CancellationToken.None));
        }

        h.FinishRuns();
        await h.Handled.WhenCount(runs);
        foreach (var start in starts)
        {
            await h.Signals.WaitAsync(e => e.Method == "CheckAsync" && e.State == "Succeeded" && h.Parameter(start, RunParameters.Handled) == e.JobId)
                .Within($"the check that handled the run of job {start}");
        }

        h.Handled.Calls.Select(c => c.Context.RunId).Distinct().Count().ShouldBe(runs);
        h.Handled.Calls.Count.ShouldBe(runs);
        h.Creates.ShouldBe(runs);
    }
}
