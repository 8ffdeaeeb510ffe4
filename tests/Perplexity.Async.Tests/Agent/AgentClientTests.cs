using System.Net;
using System.Net.Http;
using System.Threading;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Agent;

/// <summary><c>client.Agent</c> end to end against the emulator's Agent API on a driven clock.</summary>
public sealed class AgentClientTests : IDisposable
{
    private readonly AgentClientHarness _h = new();

    [Fact]
    public async Task CreateAsync_RequestWithoutBackground_SendsBackgroundTrueAndReturnsTheQueuedRun()
    {
        var run = await _h.DriveAsync(_h.Agent.CreateAsync(AgentClientHarness.Fast(), CancellationToken.None));

        run.Id.ShouldStartWith("resp_");
        run.Status.ShouldBe(AgentResponseStatus.Queued);
        run.Model.ShouldBe("fast", "the preset's name until the run completes");
        var body = _h.CreateBodies().ShouldHaveSingleItem();
        body["background"]!.GetValue<bool>().ShouldBeTrue();
        body.ContainsKey("stream").ShouldBeFalse();
    }

    [Fact]
    public async Task CreateAsync_BackgroundFalse_IsSentAsIsAndAnswersWithTheFinishedRun()
    {
        var run = await _h.DriveAsync(_h.Agent.CreateAsync(AgentClientHarness.Fast() with { Background = false }, CancellationToken.None));

        run.Status.ShouldBe(AgentResponseStatus.Completed);
        run.OutputText.ShouldNotBeNullOrWhiteSpace();
        _h.CreateBodies().ShouldHaveSingleItem()["background"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task CreateAsync_StreamTrue_ThrowsBeforeSending()
    {
        var ex = await Should.ThrowAsync<ArgumentException>(
            () => _h.Agent.CreateAsync(AgentClientHarness.Fast() with { Stream = true }, CancellationToken.None));

        ex.Message.ShouldContain("StreamAsync");
        _h.Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateAsync_NoModelPresetOrModels_ThrowsNamingTheProblemBeforeSending()
    {
        var ex = await Should.ThrowAsync<ArgumentException>(
            () => _h.Agent.CreateAsync(new AgentRequest { Input = "Hello" }, CancellationToken.None));

        ex.Message.ShouldContain("Preset");
        _h.Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateAsync_FieldTheApiRefuses_ThrowsBadRequestNamingTheParam()
    {
        var ex = await Should.ThrowAsync<PerplexityBadRequestException>(
            _h.DriveAsync(_h.Agent.CreateAsync(new AgentRequest { Model = "nobody/unknown-model", Input = "Hello" }, CancellationToken.None)));

        ex.ErrorType.ShouldBe("invalid_model");
        ex.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ex.Message.ShouldContain("nobody/unknown-model");
    }

    [Fact]
    public async Task GetAsync_RunningRun_HasPartialOutputAndThePresetAsModel()
    {
        var run = _h.Emulator.AddAgentRun("How do heat pumps work?", "medium");
        _h.Clock.Advance(TimeSpan.FromSeconds(25));

        var state = await _h.DriveAsync(_h.Agent.GetAsync(run.Id, CancellationToken.None));

        state.Status.ShouldBe(AgentResponseStatus.InProgress);
        state.Model.ShouldBe("medium");
        state.Output.ShouldNotBeEmpty();
        state.OutputText.ShouldBeEmpty("no message yet, only what the run gathered");
        state.Usage.ShouldBeNull();
    }

    [Fact]
    public async Task GetAsync_UnknownRun_ThrowsNotFound()
    {
        var ex = await Should.ThrowAsync<PerplexityNotFoundException>(
            _h.DriveAsync(_h.Agent.GetAsync("resp_00000000-0000-0000-0000-000000000000", CancellationToken.None)));

        ex.RequestId.ShouldBe("resp_00000000-0000-0000-0000-000000000000");
        ex.Details.Route.ShouldBe("v1/responses/{response_id}");
    }

    [Fact]
    public async Task GetAsync_RunCreatedWithStoreFalse_ThrowsNotFound()
    {
        var run = await _h.DriveAsync(_h.Agent.CreateAsync(AgentClientHarness.Fast() with { Store = false }, CancellationToken.None));

        await Should.ThrowAsync<PerplexityNotFoundException>(_h.DriveAsync(_h.Agent.GetAsync(run.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task WaitForCompletionAsync_FastRun_ReturnsTheAnswerWithSourcesUsageAndCost()
    {
        var run = await _h.DriveAsync(_h.Agent.CreateAsync(AgentClientHarness.Fast(), CancellationToken.None));

        var done = await _h.DriveAsync(_h.Agent.WaitForCompletionAsync(run.Id, CancellationToken.None));

        done.Status.ShouldBe(AgentResponseStatus.Completed);
        done.OutputText.ShouldNotBeNullOrWhiteSpace();
        done.SearchResults.ShouldNotBeEmpty();
        done.Model.ShouldContain("/", customMessage: "the resolved provider/model once completed");
        done.Usage.ShouldNotBeNull().TotalTokens.ShouldBeGreaterThan(0);
        done.Usage.Cost.ShouldNotBeNull().TotalCost.ShouldBeGreaterThan(0m);
    }

    [Fact]
    public async Task WaitForCompletionAsync_RunFails_ThrowsRunFailedWithTheResponseAndId()
    {
        _h.Emulator.Script.ForAnyAgentRun().Fail("the model gave up", "model_error", "upstream_failed");
        var run = await _h.DriveAsync(_h.Agent.CreateAsync(AgentClientHarness.Fast(), CancellationToken.None));

        var ex = await Should.ThrowAsync<PerplexityRunFailedException>(_h.DriveAsync(_h.Agent.WaitForCompletionAsync(run.Id, CancellationToken.None)));

        ex.JobId.ShouldBe(run.Id);
        ex.Response.Status.ShouldBe(AgentResponseStatus.Failed);
        ex.ErrorMessage.ShouldBe("the model gave up");
        ex.ErrorCode.ShouldBe("upstream_failed");
        ex.Message.ShouldContain("the model gave up");
    }

    [Fact]
    public async Task WaitForCompletionAsync_RunEndsIncomplete_ReturnsItsPartialOutput()
    {
        _h.Emulator.Script.ForAnyAgentRun().EndIncomplete("A partial answer that the token limit cut short before the end");
        var run = await _h.DriveAsync(_h.Agent.CreateAsync(AgentClientHarness.Fast(), CancellationToken.None));

        var done = await _h.DriveAsync(_h.Agent.WaitForCompletionAsync(run.Id, CancellationToken.None));

        done.Status.ShouldBe(AgentResponseStatus.Incomplete);
        done.IncompleteDetails.ShouldNotBeNull().Reason.ShouldBe("max_output_tokens");
        done.OutputText.ShouldStartWith("A partial", customMessage: "the first half of the scripted text");
    }

    [Fact]
    public async Task WaitForCompletionAsync_ServerCancelsTheRun_ThrowsRunCancelledWithTheSnapshot()
    {
        _h.Emulator.Script.ForAnyAgentRun().CancelByServer();
        var run = await _h.DriveAsync(_h.Agent.CreateAsync(AgentClientHarness.Fast(), CancellationToken.None));

        var ex = await Should.ThrowAsync<PerplexityRunCancelledException>(_h.DriveAsync(_h.Agent.WaitForCompletionAsync(run.Id, CancellationToken.None)));

        ex.JobId.ShouldBe(run.Id);
        ex.Response.Usage.ShouldBeNull();
        ex.Response.Error.ShouldNotBeNull().Code!.Value.ToString().ShouldBe("cancelled");
    }

    [Fact]
    public async Task CreateGetWaitCancel_WithoutATokenOrOptions_CompileAndRunAsTheQuickStartWritesThem()
    {
        var run = await _h.DriveAsync(_h.Agent.CreateAsync(AgentClientHarness.Fast()));
        var now = await _h.DriveAsync(_h.Agent.GetAsync(run.Id));
        var done = await _h.DriveAsync(_h.Agent.WaitForCompletionAsync(run.Id));
        var after = await _h.DriveAsync(_h.Agent.CancelAsync(run.Id));
        var states = new List<AgentResponse>();
        await _h.DriveAsync(CollectAsync(_h.Agent.WatchAsync(run.Id, AgentWatchMode.Poll), states));

        now.Id.ShouldBe(run.Id);
        done.Status.ShouldBe(AgentResponseStatus.Completed);
        after.Status.ShouldBe(AgentResponseStatus.Completed, "a finished run is returned as it is");
        states.ShouldHaveSingleItem().Status.ShouldBe(AgentResponseStatus.Completed);
    }

    [Fact]
    public async Task WatchAsync_Run_YieldsEachStatusOnceEndingWithTheTerminalOne()
    {
        var run = _h.Emulator.AddAgentRun("How do heat pumps work?", "fast");
        var states = new List<AgentResponse>();

        await _h.DriveAsync(CollectAsync(_h.Agent.WatchAsync(run.Id, CancellationToken.None), states));

        states.Select(s => s.Status.Value).ShouldBe(["queued", "in_progress", "completed"]);
    }

    [Fact]
    public async Task CancelAsync_RunningRun_SendsOneCancelAndReturnsTheStateAfterIt()
    {
        var run = _h.Emulator.AddAgentRun("How do heat pumps work?", "medium");
        _h.Clock.Advance(TimeSpan.FromSeconds(5));

        var after = await _h.DriveAsync(_h.Agent.CancelAsync(run.Id, CancellationToken.None));

        after.Status.IsTerminal.ShouldBeFalse("the stop is asynchronous");
        _h.Calls().ShouldBe(["GET /v1/responses/" + run.Id, "POST /v1/responses/" + run.Id + "/cancel", "GET /v1/responses/" + run.Id]);
        await Should.ThrowAsync<PerplexityRunCancelledException>(_h.DriveAsync(_h.Agent.WaitForCompletionAsync(run.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task CancelAsync_FinishedRun_ReturnsItAsItIsWithoutACancel()
    {
        var run = _h.Emulator.AddAgentRun("How do heat pumps work?", "fast");
        _h.Clock.Advance(TimeSpan.FromMinutes(1));

        var state = await _h.DriveAsync(_h.Agent.CancelAsync(run.Id, CancellationToken.None));

        state.Status.ShouldBe(AgentResponseStatus.Completed);
        _h.Emulator.Requests.ShouldNotContain(r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task CancelAsync_UnknownRun_ThrowsNotFoundWithoutACancel()
    {
        // The live cancel answers an unknown id with the same 400 as a finished run; reading first tells them apart.
        await Should.ThrowAsync<PerplexityNotFoundException>(
            _h.DriveAsync(_h.Agent.CancelAsync("resp_11111111-1111-1111-1111-111111111111", CancellationToken.None)));

        _h.Emulator.Requests.ShouldNotContain(r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task RunAsync_CallerCancelsTheWait_CancelsTheRunOnTheServerAndSaysSo()
    {
        using var cts = new CancellationTokenSource();
        var created = new TaskCompletionSource();
        var run = _h.Agent.RunAsync(
            new AgentRequest { Preset = AgentPreset.High, Input = "A long question" }, null, new AgentProgress(_ => created.TrySetResult()), cts.Token);
        await created.Task;
        await _h.Clock.WaitUntilSettledAsync(run);

        await cts.CancelAsync();
        var ex = (await Record.ExceptionAsync(() => _h.Clock.DriveAsync(run))).ShouldBeOfType<PerplexityWaitCanceledException>();

        var id = _h.Emulator.AgentRuns.ShouldHaveSingleItem().Id;
        ex.JobId.ShouldBe(id);
        ex.RunCancelRequested.ShouldBeTrue();
        ex.Message.ShouldContain("asked to stop");
        _h.Calls().ShouldContain("POST /v1/responses/" + id + "/cancel");
    }

    [Fact]
    public async Task RunAsync_CancelAbandonedRunsOff_LeavesTheRunRunning()
    {
        using var h = new AgentClientHarness(o => o.CancelAbandonedRuns = false);
        using var cts = new CancellationTokenSource();
        var created = new TaskCompletionSource();
        var run = h.Agent.RunAsync(new AgentRequest { Preset = AgentPreset.High, Input = "A long question" }, null, new AgentProgress(_ => created.TrySetResult()), cts.Token);
        await created.Task;
        await h.Clock.WaitUntilSettledAsync(run);

        await cts.CancelAsync();
        var ex = (await Record.ExceptionAsync(() => run)).ShouldBeOfType<PerplexityWaitCanceledException>();

        ex.RunCancelRequested.ShouldBeFalse();
        h.Emulator.Requests.ShouldNotContain(r => r.Path.EndsWith("/cancel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WaitForCompletionAsync_CallerCancels_NeverCancelsTheRun()
    {
        var run = _h.Emulator.AddAgentRun("A long question", "high");
        using var cts = new CancellationTokenSource();
        var wait = _h.Agent.WaitForCompletionAsync(run.Id, cts.Token);
        await _h.Clock.WaitUntilSettledAsync(wait);

        await cts.CancelAsync();
        var ex = (await Record.ExceptionAsync(() => wait)).ShouldBeOfType<PerplexityWaitCanceledException>();

        ex.JobId.ShouldBe(run.Id);
        _h.Emulator.Requests.ShouldNotContain(r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task RunAsync_FastRun_CreatesThenPollsFromTheFirstDelay()
    {
        var progress = new List<string>();

        var done = await _h.DriveAsync(_h.Agent.RunAsync(AgentClientHarness.Fast(), null, new AgentProgress(s => progress.Add(s.Status.Value)), CancellationToken.None));

        done.Status.ShouldBe(AgentResponseStatus.Completed);
        progress.First().ShouldBe("queued");
        progress.Last().ShouldBe("completed");
        _h.Emulator.Requests[1].ReceivedAt.ShouldBe(_h.Emulator.Requests[0].ReceivedAt + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task WaitForCompletionAsync_PollingTimesOut_CarriesTheLastStateAndTheRunId()
    {
        _h.Emulator.Script.ForAnyAgentRun().NeverFinish();
        var run = await _h.DriveAsync(_h.Agent.CreateAsync(AgentClientHarness.Fast(), CancellationToken.None));

        var ex = await Should.ThrowAsync<PerplexityTimeoutException>(
            _h.DriveAsync(_h.Agent.WaitForCompletionAsync(run.Id, AgentClientHarness.Exact(TimeSpan.FromSeconds(30)), CancellationToken.None)));

        ex.JobId.ShouldBe(run.Id);
        ex.LastAgentResponse.ShouldNotBeNull().Status.ShouldBe(AgentResponseStatus.InProgress);
    }

    public void Dispose() => _h.Dispose();

    private static async Task<int> CollectAsync(IAsyncEnumerable<AgentResponse> source, List<AgentResponse> into)
    {
        await foreach (var item in source)
        {
            into.Add(item);
        }

        return into.Count;
    }

    private sealed class AgentProgress(Action<AgentResponse> report) : IProgress<AgentResponse>
    {
        public void Report(AgentResponse value) => report(value);
    }
}
