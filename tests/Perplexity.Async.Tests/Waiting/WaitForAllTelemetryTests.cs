using System.Diagnostics;
using System.Threading;
using Perplexity.Async.Tests.Agent;
using Perplexity.Async.Tests.Budget;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Waiting;

/// <summary>The span and metrics of waits on many jobs (<c>wait_all …</c>) and of streamed runs (<c>stream …</c>).</summary>
[Collection(ProcessWideTelemetry.Name)]
public sealed class WaitForAllTelemetryTests : IDisposable
{
    private static readonly PollingOptions Exact = new() { UseJitter = false, InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(10) };

    private readonly RequestBudgetHarness _harness = new();

    [Fact]
    public async Task WaitForAllAsync_ThreeRuns_SpanCarriesTheTotalsOfEveryRunNotTheLastOnes()
    {
        using var telemetry = new TelemetryCapture();
        var client = _harness.Client(budget: null);
        var ids = new[] { Run(TimeSpan.FromSeconds(2)), Run(TimeSpan.FromSeconds(5)), Run(TimeSpan.FromSeconds(9)) };

        var results = await _harness.Clock.DriveAsync(client.Agent.WaitForAllAsync(ids, Exact, CancellationToken.None));

        var span = WaitAllSpan(telemetry, ids);
        results.ShouldAllBe(r => r.Usage != null && r.Usage.Cost != null);
        span.GetTagItem("gen_ai.usage.input_tokens").ShouldBe(results.Sum(r => r.Usage!.InputTokens));
        span.GetTagItem("gen_ai.usage.output_tokens").ShouldBe(results.Sum(r => r.Usage!.OutputTokens));
        span.GetTagItem("perplexity.cost.total").ShouldBe((double)results.Sum(r => r.Usage!.Cost!.TotalCost));
        span.GetTagItem("perplexity.polls").ShouldBe(_harness.Emulator.Requests.Count);
        span.GetTagItem("gen_ai.response.id").ShouldBeNull("a wait on many has no one response id");
        span.GetTagItem("perplexity.job.status").ShouldBeNull("a wait on many has no one final status");
        span.GetTagItem("perplexity.request_id").ShouldBeNull();
        span.GetTagItem("gen_ai.response.model").ShouldBe(results[0].Model, "every run was answered by the same model");
    }

    [Fact]
    public async Task WaitForAllAsync_ThreeRuns_RecordsEachRunsTokensAndCostOnTheMeterOnce()
    {
        using var telemetry = new TelemetryCapture();
        var client = _harness.Client(budget: null);
        var ids = new[] { Run(TimeSpan.FromSeconds(2)), Run(TimeSpan.FromSeconds(5)), Run(TimeSpan.FromSeconds(9)) };

        var results = await _harness.Clock.DriveAsync(client.Agent.WaitForAllAsync(ids, Exact, CancellationToken.None));

        var input = telemetry.MeasurementsOf("gen_ai.client.token.usage", "gen_ai.token.type", "input");
        input.Select(m => m.Value).OrderBy(v => v).ShouldBe(results.Select(r => (double)r.Usage!.InputTokens).OrderBy(v => v));
        var cost = telemetry.Measurements.Where(m => m.Instrument == "perplexity.client.cost").Select(m => m.Value).Sum();
        cost.ShouldBe((double)results.Sum(r => r.Usage!.Cost!.TotalCost), tolerance: 1e-9);
        var waits = telemetry.MeasurementsOf("perplexity.client.wait.duration", "perplexity.route", "v1/responses/{response_id}");
        waits.ShouldHaveSingleItem().Tags.ShouldNotContainKey("perplexity.job.status");
        telemetry.Measurements.Count(m => m.Instrument == "perplexity.client.polls").ShouldBe(_harness.Emulator.Requests.Count);
    }

    [Fact]
    public async Task WaitForAllAsync_OneRunFails_SpanAndDurationCarryTheFailure()
    {
        using var telemetry = new TelemetryCapture();
        var client = _harness.Client(budget: null);
        var ids = new[] { Run(TimeSpan.FromSeconds(2)), Run(TimeSpan.FromSeconds(3), s => s.Fail("upstream quota")) };

        await Should.ThrowAsync<PerplexityRunsFailedException>(
            _harness.Clock.DriveAsync(client.Agent.WaitForAllAsync(ids, Exact, CancellationToken.None)));

        var span = WaitAllSpan(telemetry, ids);
        span.GetTagItem("error.type").ShouldBe("failed");
        span.Status.ShouldBe(ActivityStatusCode.Error);
        telemetry.MeasurementsOf("perplexity.client.wait.duration", "error.type", "failed").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task StreamAsync_NewRun_StreamSpanCarriesTheRunIdLearnedFromTheFirstEvent()
    {
        using var telemetry = new TelemetryCapture();
        using var h = new AgentClientHarness();

        var events = await h.DriveAsync(Agent.Streaming.AgentStreamTests.CollectAsync(
            h.Agent.StreamAsync(AgentClientHarness.Fast(), options: null, CancellationToken.None)));

        var id = events.OfType<AgentResponseCreatedEvent>().Single().Response!.Id;
        var span = telemetry.Activities.Single(a => a.OperationName == "stream v1/responses/{response_id}"
            && Equals(a.GetTagItem("perplexity.request_id"), id));
        span.GetTagItem("perplexity.job.status").ShouldBe("completed");
        var final = events.OfType<AgentResponseCompletedEvent>().Single().Response!;
        span.GetTagItem("gen_ai.usage.input_tokens").ShouldBe(final.Usage!.InputTokens);
        span.GetTagItem("perplexity.cost.total").ShouldBe((double)final.Usage.Cost!.TotalCost);
        telemetry.MeasurementsOf("perplexity.client.cost", "gen_ai.response.model", final.Model).ShouldNotBeEmpty();
    }

    public void Dispose() => _harness.Dispose();

    private int _runs;

    private static Activity WaitAllSpan(TelemetryCapture telemetry, IReadOnlyCollection<string> ids)
    {
        // The wait's polls are its children; their request ids are this test's own.
        var polls = telemetry.Activities.Where(a => a.GetTagItem("perplexity.request_id") is string id && ids.Contains(id)).ToList();
        polls.ShouldNotBeEmpty();
        var parent = polls.Select(p => p.ParentSpanId).Distinct().ShouldHaveSingleItem();
        var span = telemetry.Activities.Single(a => a.SpanId == parent);
        span.OperationName.ShouldBe("wait_all v1/responses/{response_id}");
        return span;
    }

    private string Run(TimeSpan total, Action<Perplexity.Async.Testing.AgentRunScriptBuilder>? script = null)
    {
        var id = $"resp_tel{++_runs}_{Guid.NewGuid():N}";
        var builder = _harness.Emulator.Script.ForAgentRun(id).QueuedFor(TimeSpan.Zero).RunningFor(total);
        script?.Invoke(builder);
        _harness.Emulator.AddAgentRun("How do heat pumps work?", "fast", id);
        return id;
    }
}
