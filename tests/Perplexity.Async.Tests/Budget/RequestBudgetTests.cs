using System.Net;
using System.Threading;
using Perplexity.Async.Budget;
using Perplexity.Async.Transport;

namespace Perplexity.Async.Tests.Budget;

/// <summary>The request budget on the emulator and a fake clock: burst, steady rate, the service's headers, 429, queueing.</summary>
public sealed class RequestBudgetTests : IDisposable
{
    private readonly RequestBudgetHarness _harness = new();

    [Fact]
    public void RequestBudget_NotSet_IsOffByDefault()
    {
        new PerplexityAsyncClientOptions().RequestBudget.ShouldBeNull();
        _harness.Client(budget: null).Agent.Budget.ShouldBeNull();
    }

    [Fact]
    public async Task GetAsync_NoBudget_SendsEveryRequestAtOnce()
    {
        var client = _harness.Client(budget: null);
        var run = _harness.Emulator.AddAgentRun("q");

        for (var i = 0; i < 200; i++)
        {
            await _harness.Clock.DriveAsync(client.Agent.GetAsync(run.Id, CancellationToken.None));
        }

        _harness.Clock.Elapsed.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void RequestBudgetOptions_Defaults_AreTheConstants()
    {
        var options = new RequestBudgetOptions();

        options.RequestsPerSecond.ShouldBe(RequestBudgetDefaults.RequestsPerSecond);
        options.RequestsPerSecond.ShouldBe(40);
        options.Burst.ShouldBe(10);
        options.QueueLimit.ShouldBe(1000);
        options.MaxQueueTime.ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData(50, 5, 3, 60)]
    [InlineData(40, 10, 2, 50)]
    [InlineData(1, 10, 1, 1000)]
    [InlineData(0.5, 3, 1, 2000)]
    [InlineData(50, 2, 2, 40)]
    public void Settings_Rate_ReplenishWholePermitsAtMostTwentyTimesASecond(double rate, int burst, int permits, int periodMs)
    {
        var settings = RequestBudgetSettings.From(new RequestBudgetOptions { RequestsPerSecond = rate, Burst = burst })!;

        settings.PermitsPerReplenishment.ShouldBe(permits);
        settings.ReplenishmentPeriod.ShouldBe(TimeSpan.FromMilliseconds(periodMs));
    }

    [Fact]
    public async Task GetAsync_BurstThenSteadyRate_FirstBurstAtOnceThenThreeEvery60Milliseconds()
    {
        var client = _harness.Client(new RequestBudgetOptions { RequestsPerSecond = 50, Burst = 5 });
        var run = _harness.Emulator.AddAgentRun("q");

        for (var i = 0; i < 305; i++)
        {
            await _harness.Clock.DriveAsync(client.Agent.GetAsync(run.Id, CancellationToken.None));
        }

        var arrivals = _harness.Arrivals();
        arrivals.Take(5).ShouldAllBe(t => t == TimeSpan.Zero);
        for (var i = 5; i < arrivals.Count; i++)
        {
            arrivals[i].ShouldBe(TimeSpan.FromMilliseconds(60 * (((i - 5) / 3) + 1)), $"request {i}");
        }

        // 300 after the burst at 50 a second: 6 seconds.
        _harness.Clock.Elapsed.ShouldBe(TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task GetAsync_LongFakeClockWindow_NeverMoreThanBurstPlusRateTimesWindow()
    {
        var client = _harness.Client(new RequestBudgetOptions { RequestsPerSecond = 5, Burst = 3 });
        var run = _harness.Emulator.AddAgentRun("q");

        // Two callers taking turns for 10 minutes of fake time; each call is driven to its end before the next.
        for (var i = 0; i < 3003; i++)
        {
            await _harness.Clock.DriveAsync(client.Agent.GetAsync(run.Id, CancellationToken.None));
        }

        var arrivals = _harness.Arrivals();
        _harness.Clock.Elapsed.ShouldBe(TimeSpan.FromMinutes(10));
        foreach (var seconds in new[] { 1, 10, 60, 300 })
        {
            RequestBudgetHarness.MostWithin(arrivals, TimeSpan.FromSeconds(seconds) - TimeSpan.FromTicks(1))
                .ShouldBeLessThanOrEqualTo(3 + (5 * seconds), $"window of {seconds} s");
        }
    }

    [Fact]
    public async Task GetAsync_ManyCallersAtOnce_ShareTheBudget()
    {
        var client = _harness.Client(new RequestBudgetOptions { RequestsPerSecond = 10, Burst = 10 });
        var run = _harness.Emulator.AddAgentRun("q");

        var calls = Enumerable.Range(0, 40).Select(_ => client.Agent.GetAsync(run.Id, CancellationToken.None)).ToArray();
        await _harness.Clock.DriveAsync(Task.WhenAll(calls), maxSteps: 10_000);

        // 30 beyond the burst at 10 a second: at least 3 seconds, however the callers interleave.
        _harness.Clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(3));
        _harness.Arrivals().Count(t => t == TimeSpan.Zero).ShouldBe(10);
    }

    [Fact]
    public async Task GetAsync_ServerWindowNearlySpent_SlowsDownBeforeThe429()
    {
        using var harness = new RequestBudgetHarness(serverLimit: 10);
        var client = harness.Client(new RequestBudgetOptions { RequestsPerSecond = 100, Burst = 100 });
        var run = harness.Emulator.AddAgentRun("q");

        for (var i = 0; i < 30; i++)
        {
            await harness.Clock.DriveAsync(client.Agent.GetAsync(run.Id, CancellationToken.None));
        }

        // The service allows 10 a second; the budget (100 a second) kept to each window the headers described.
        harness.Emulator.Requests.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var arrivals = harness.Arrivals();
        for (var i = 0; i < arrivals.Count; i++)
        {
            arrivals[i].ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(i / 10), $"request {i}");
            arrivals[i].ShouldBeLessThan(TimeSpan.FromSeconds((i / 10) + 1), $"request {i}");
        }
    }

    [Fact]
    public async Task GetAsync_ServerWindowNearlySpentWithoutBudget_Meets429()
    {
        // The load of the test above, without a budget: the service's limit is what the budget saved it from.
        using var harness = new RequestBudgetHarness(serverLimit: 10);
        var client = harness.Client(budget: null);
        var run = harness.Emulator.AddAgentRun("q");

        for (var i = 0; i < 10; i++)
        {
            await harness.Clock.DriveAsync(client.Agent.GetAsync(run.Id, CancellationToken.None));
        }

        await Should.ThrowAsync<PerplexityRateLimitException>(harness.Clock.DriveAsync(client.Agent.GetAsync(run.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task GetAsync_After429_NextRequestWaitsForRetryAfter()
    {
        var client = _harness.Client(new RequestBudgetOptions { RequestsPerSecond = 50, Burst = 10 });
        var run = _harness.Emulator.AddAgentRun("q");
        _harness.Emulator.Faults.Next(1).RespondWith((HttpStatusCode)429, retryAfter: TimeSpan.FromSeconds(3));

        await Should.ThrowAsync<PerplexityRateLimitException>(_harness.Clock.DriveAsync(client.Agent.GetAsync(run.Id, CancellationToken.None)));
        await _harness.Clock.DriveAsync(client.Agent.GetAsync(run.Id, CancellationToken.None));

        // The bucket held 9 more permits; the 429 emptied it until Retry-After.
        _harness.Arrivals().ShouldBe([TimeSpan.Zero, TimeSpan.FromSeconds(3)]);
    }

    [Fact]
    public async Task GetAsync_After429WithTransportRetries_TheRetryPaysAndWaits()
    {
        var client = _harness.Client(new RequestBudgetOptions { RequestsPerSecond = 50, Burst = 10 }, maxRetries: 2);
        var run = _harness.Emulator.AddAgentRun("q");
        _harness.Emulator.Faults.Next(1).RespondWith((HttpStatusCode)429, retryAfter: TimeSpan.FromSeconds(2));

        var state = await _harness.Clock.DriveAsync(client.Agent.GetAsync(run.Id, CancellationToken.None));

        state.Id.ShouldBe(run.Id);
        _harness.Arrivals().ShouldBe([TimeSpan.Zero, TimeSpan.FromSeconds(2)]);
    }

    [Fact]
    public async Task GetAsync_NoPermitWithinMaxQueueTime_ThrowsTransientBudgetExceededAndSendsNothing()
    {
        var client = _harness.Client(new RequestBudgetOptions { RequestsPerSecond = 0.01, Burst = 1, MaxQueueTime = TimeSpan.FromSeconds(5) });
        var run = _harness.Emulator.AddAgentRun("q");
        await _harness.Clock.DriveAsync(client.Agent.GetAsync(run.Id, CancellationToken.None));

        var ex = await Should.ThrowAsync<PerplexityRequestBudgetExceededException>(
            _harness.Clock.DriveAsync(client.Agent.GetAsync(run.Id, CancellationToken.None)));

        _harness.Clock.Elapsed.ShouldBe(TimeSpan.FromSeconds(5));
        ex.Message.ShouldContain("GET v1/responses/{response_id} was not sent");
        ex.Message.ShouldContain("no permit came within 5 s (RequestBudget.MaxQueueTime)");
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(95));
        TransientRule.IsTransient(ex, CancellationToken.None).ShouldBeTrue();
        _harness.Emulator.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetAsync_QueueLimitZero_RefusesAtOnce()
    {
        var client = _harness.Client(new RequestBudgetOptions { RequestsPerSecond = 1, Burst = 1, QueueLimit = 0 });
        var run = _harness.Emulator.AddAgentRun("q");
        await _harness.Clock.DriveAsync(client.Agent.GetAsync(run.Id, CancellationToken.None));

        var ex = await Should.ThrowAsync<PerplexityRequestBudgetExceededException>(client.Agent.GetAsync(run.Id, CancellationToken.None));

        _harness.Clock.Elapsed.ShouldBe(TimeSpan.Zero);
        ex.Message.ShouldContain("does not queue");
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task GetAsync_CallerCancelsWhileQueued_IsCancellationNotBudgetExceeded()
    {
        var client = _harness.Client(new RequestBudgetOptions { RequestsPerSecond = 0.01, Burst = 1 });
        var run = _harness.Emulator.AddAgentRun("q");
        await _harness.Clock.DriveAsync(client.Agent.GetAsync(run.Id, CancellationToken.None));
        using var cts = new CancellationTokenSource();

        var call = client.Agent.GetAsync(run.Id, cts.Token);
        await _harness.Clock.WaitUntilSettledAsync(call);
        await cts.CancelAsync();

        (await Should.ThrowAsync<Exception>(call)).ShouldBeAssignableTo<OperationCanceledException>();
        _harness.Emulator.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task WaitForCompletionAsync_BudgetRefusesAPoll_WaitTreatsItAsTransientAndFinishes()
    {
        // One permit every 20 s but at most 1 s in the queue: most polls are refused, and the wait goes on.
        var client = _harness.Client(new RequestBudgetOptions { RequestsPerSecond = 0.05, Burst = 1, MaxQueueTime = TimeSpan.FromSeconds(1) });
        var run = _harness.Emulator.AddAgentRun("q", "fast");

        var done = await _harness.Clock.DriveAsync(
            client.Agent.WaitForCompletionAsync(run.Id, new PollingOptions { UseJitter = false, MaxConsecutiveFailures = null }, CancellationToken.None),
            maxSteps: 10_000);

        done.Status.ShouldBe(AgentResponseStatus.Completed);
        var arrivals = _harness.Arrivals();
        for (var i = 1; i < arrivals.Count; i++)
        {
            (arrivals[i] - arrivals[i - 1]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(20));
        }
    }

    [Fact]
    public void Dispose_ClientWithItsOwnBudget_DisposesIt()
    {
        var client = _harness.Client(new RequestBudgetOptions());
        var budget = client.Agent.Budget.ShouldNotBeNull();

        client.Dispose();

        Should.Throw<ObjectDisposedException>(() => budget.AcquireAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult());
    }

    public void Dispose() => _harness.Dispose();
}
