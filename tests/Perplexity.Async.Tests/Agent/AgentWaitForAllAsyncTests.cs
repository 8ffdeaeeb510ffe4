using System.Threading;
using Perplexity.Async.Tests.Budget;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Agent;

/// <summary>client.Agent.WaitForAllAsync on the emulator and a fake clock: order, failures, fairness, the budget, ids on every exception.</summary>
public sealed class AgentWaitForAllAsyncTests : IDisposable
{
    private static readonly PollingOptions Exact = new() { UseJitter = false, InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(10) };

    private readonly RequestBudgetHarness _harness = new();

    [Fact]
    public async Task WaitForAllAsync_FewRuns_ResultsInTheOrderGivenEachPolledOnTheWaitsBackoff()
    {
        var client = _harness.Client(budget: null);
        var a = Run(TimeSpan.FromSeconds(4));
        var b = Run(TimeSpan.FromSeconds(11));
        var c = Run(TimeSpan.FromSeconds(0.5));
        var progress = new Changes();

        var results = await _harness.Clock.DriveAsync(client.Agent.WaitForAllAsync([b, a, c, a], Exact, progress, CancellationToken.None));

        results.Select(r => r.Id).ShouldBe([b, a, c, a]);
        results.ShouldAllBe(r => r.Status == AgentResponseStatus.Completed && r.OutputText.Length > 0);

        // Rounds at 0, 1, 3, 7 and 15 s (1 s doubling, no jitter): each run is polled in every round until it is seen done.
        PollTimes(c).ShouldBe([0, 1]);
        PollTimes(a).ShouldBe([0, 1, 3, 7]);
        PollTimes(b).ShouldBe([0, 1, 3, 7, 15]);
        progress.Entries.ShouldBe([
            $"{b}:in_progress", $"{a}:in_progress", $"{c}:in_progress",
            $"{c}:completed",
            $"{a}:completed",
            $"{b}:completed",
        ]);
    }

    [Fact]
    public async Task WaitForAllAsync_SomeFailOrAreCancelled_WaitsForAllThenThrowsTheAggregateWithEveryRun()
    {
        var client = _harness.Client(budget: null);
        var ok = Run(TimeSpan.FromSeconds(2));
        var failed = Run(TimeSpan.FromSeconds(2), s => s.Fail($"upstream refused the key {RequestBudgetHarness.ApiKey}"));
        var cancelled = Run(TimeSpan.FromSeconds(2), s => s.CancelByServer());
        var late = Run(TimeSpan.FromSeconds(9));

        var ex = await Should.ThrowAsync<PerplexityRunsFailedException>(
            _harness.Clock.DriveAsync(client.Agent.WaitForAllAsync([ok, failed, cancelled, late], Exact, CancellationToken.None)));

        ex.Results.Select(r => r.Id).ShouldBe([ok, failed, cancelled, late]);
        ex.Results.Select(r => r.Status).ShouldBe([AgentResponseStatus.Completed, AgentResponseStatus.Failed, AgentResponseStatus.Cancelled, AgentResponseStatus.Completed]);
        ex.FailedRuns.Select(r => r.Id).ShouldBe([failed, cancelled]);
        ex.JobIds.ShouldBe([ok, failed, cancelled, late]);
        ex.Message.ShouldStartWith("2 of 4 runs did not complete: ");
        ex.Message.ShouldContain($"'{cancelled}' was cancelled");
        ex.Message.ShouldContain($"'{failed}' ended failed: upstream refused the key ");
        ex.Message.ShouldNotContain(RequestBudgetHarness.ApiKey);

        // The failures did not end the wait: the late run was seen done in the round at 15 s.
        _harness.Clock.Elapsed.ShouldBe(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task WaitForAllAsync_ManyRunsWithABudget_EachRunPolledAboutEveryRunsDividedByBudgetFairlyAndWithinIt()
    {
        // 50 runs at 5 requests a second: a run can be polled every 10 s at best, longer than the 10-s cap of the backoff.
        var client = _harness.Client(new RequestBudgetOptions { RequestsPerSecond = 5, Burst = 5 });
        var ids = Enumerable.Range(0, 50).Select(_ => Run(TimeSpan.FromSeconds(60))).ToList();

        // Steps of at least 50 ms: with 16 polls in flight the clock can otherwise spend its steps on timers already due
        // while the thread pool is busy (seen on a loaded 2-core CI machine); 50 ms earns a quarter permit, so the
        // budget's arithmetic is unchanged.
        var results = await _harness.Clock.DriveAsync(
            client.Agent.WaitForAllAsync(ids, Exact, CancellationToken.None), maxSteps: 100_000, minStep: TimeSpan.FromMilliseconds(50));

        results.Select(r => r.Id).ShouldBe(ids);
        results.ShouldAllBe(r => r.Status == AgentResponseStatus.Completed);
        var elapsed = _harness.Clock.Elapsed;
        elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(60));

        // Round robin: no run is polled more than once more than any other.
        var counts = ids.Select(id => PollTimes(id).Count).ToList();
        (counts.Max() - counts.Min()).ShouldBeLessThanOrEqualTo(1);
        counts.Max().ShouldBeLessThanOrEqualTo((int)(elapsed.TotalSeconds / 10) + 2);

        // Within the budget: a window holds at most the burst, the rate over it, and the polls already in flight.
        var arrivals = _harness.Arrivals();
        foreach (var seconds in new[] { 1, 10, 30 })
        {
            RequestBudgetHarness.MostWithin(arrivals, TimeSpan.FromSeconds(seconds) - TimeSpan.FromTicks(1))
                .ShouldBeLessThanOrEqualTo(5 + (5 * seconds) + AgentPollingDefaults.MaxConcurrentPolls, $"window of {seconds} s");
        }
    }

    [Fact]
    public async Task WaitForAllAsync_ManyRuns_NoTimerPerRun()
    {
        var client = _harness.Client(new RequestBudgetOptions { RequestsPerSecond = 50, Burst = 10 });
        var ids = Enumerable.Range(0, 500).Select(_ => Run(TimeSpan.FromSeconds(600))).ToList();
        using var cts = new CancellationTokenSource();

        var wait = client.Agent.WaitForAllAsync(ids, Exact, cts.Token);
        for (var i = 0; i < 20; i++)
        {
            await _harness.Clock.WaitUntilSettledAsync(wait);
            _harness.Clock.PendingTimers.ShouldBeLessThanOrEqualTo(AgentPollingDefaults.MaxConcurrentPolls * 2 + 2);
            _harness.Clock.Advance(TimeSpan.FromMilliseconds(60));
        }

        await cts.CancelAsync();
        var ex = (await Record.ExceptionAsync(() => _harness.Clock.DriveAsync(wait))).ShouldBeOfType<PerplexityWaitCanceledException>();
        wait.IsCanceled.ShouldBeTrue();
        ex.JobIds.ShouldBe(ids);
        ex.JobId.ShouldBeNull();
    }

    [Fact]
    public async Task WaitForAllAsync_UnknownRun_EndsWithNotFoundCarryingItsIdAndEveryId()
    {
        var client = _harness.Client(budget: null);
        var known = Run(TimeSpan.FromSeconds(30));

        var ex = await Should.ThrowAsync<PerplexityNotFoundException>(
            _harness.Clock.DriveAsync(client.Agent.WaitForAllAsync([known, "resp_missing"], Exact, CancellationToken.None)));

        ex.JobId.ShouldBe("resp_missing");
        ex.JobIds.ShouldBe([known, "resp_missing"]);
    }

    [Fact]
    public async Task WaitForAllAsync_Timeout_NamesThePendingRunsAndCarriesEveryId()
    {
        var client = _harness.Client(budget: null);
        var quick = Run(TimeSpan.FromSeconds(1));
        var slow = Run(TimeSpan.FromMinutes(10));
        var polling = new PollingOptions { UseJitter = false, Timeout = TimeSpan.FromSeconds(20) };

        var ex = await Should.ThrowAsync<PerplexityTimeoutException>(
            _harness.Clock.DriveAsync(client.Agent.WaitForAllAsync([quick, slow], polling, CancellationToken.None)));

        ex.Message.ShouldContain("Waiting for 2 runs timed out after 00:00:20 (PollingOptions.Timeout); 1 finished, 1 still pending: ");
        ex.Message.ShouldContain($"'{slow}' (in_progress)");
        ex.JobIds.ShouldBe([quick, slow]);
    }

    [Fact]
    public async Task WaitForAllAsync_TransientFailure_PausesAndGoesOn()
    {
        var client = _harness.Client(budget: null);
        var a = Run(TimeSpan.FromSeconds(2));
        var b = Run(TimeSpan.FromSeconds(2));
        _harness.Emulator.Faults.Next(1).RespondWith((System.Net.HttpStatusCode)503);

        var results = await _harness.Clock.DriveAsync(client.Agent.WaitForAllAsync([a, b], Exact, CancellationToken.None));

        results.ShouldAllBe(r => r.Status == AgentResponseStatus.Completed);
    }

    [Fact]
    public async Task WaitForAllAsync_NoIds_ReturnsEmptyWithoutARequest()
    {
        var client = _harness.Client(budget: null);

        (await client.Agent.WaitForAllAsync([], CancellationToken.None)).ShouldBeEmpty();
        _harness.Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void WaitForAllAsync_BadIds_ThrowBeforeAnythingIsSent()
    {
        var client = _harness.Client(budget: null);

        Should.Throw<ArgumentNullException>(() => client.Agent.WaitForAllAsync(null!, CancellationToken.None)).ParamName.ShouldBe("responseIds");
        Should.Throw<ArgumentException>(() => client.Agent.WaitForAllAsync(["resp_a", " "], CancellationToken.None))
            .Message.ShouldStartWith("responseIds[1] cannot be waited for: ");
        _harness.Emulator.Requests.ShouldBeEmpty();
    }

    public void Dispose() => _harness.Dispose();

    private int _runs;

    private string Run(TimeSpan total, Action<Perplexity.Async.Testing.AgentRunScriptBuilder>? script = null)
    {
        var id = $"resp_test{++_runs}";
        var builder = _harness.Emulator.Script.ForAgentRun(id).QueuedFor(TimeSpan.Zero).RunningFor(total);
        script?.Invoke(builder);
        _harness.Emulator.AddAgentRun("How do heat pumps work?", "fast", id);
        return id;
    }

    private List<double> PollTimes(string id) =>
        _harness.Emulator.Requests.Where(r => r.Path.EndsWith("/" + id, StringComparison.Ordinal))
            .Select(r => (r.ReceivedAt - TestClock.Epoch).TotalSeconds).ToList();

    private sealed class Changes : IProgress<AgentResponse>
    {
        private readonly object _gate = new();

        public List<string> Entries { get; } = [];

        public void Report(AgentResponse value)
        {
            lock (_gate)
            {
                Entries.Add($"{value.Id}:{value.Status.Value}");
            }
        }
    }
}
