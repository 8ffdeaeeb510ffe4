using System.Net;
using System.Net.Http;

namespace Perplexity.Async.Tests.Testing.Agent;

public sealed class AgentScriptTests : IDisposable
{
    private readonly AgentHarness _harness = new();

    [Fact]
    public async Task ForAgentPrompt_Fail_EndsFailedWithTheScriptedErrorAndPartialOutput()
    {
        _harness.Emulator.Script.ForAgentPrompt("outage?").Fail("upstream model unavailable", type: "bad_gateway", code: "upstream_error");
        var id = (await _harness.CreateAsync(AgentHarness.Body("outage?")))["id"]!.GetValue<string>();

        _harness.Time.Advance(TimeSpan.FromSeconds(40));
        var failed = await _harness.SnapshotAsync(id);

        failed["status"]!.GetValue<string>().ShouldBe("failed");
        failed["error"]!.ToJsonString().ShouldBe("""{"code":"upstream_error","message":"upstream model unavailable","type":"bad_gateway"}""");
        failed["usage"].ShouldBeNull();
        failed["completed_at"].ShouldBeNull();
        failed["output"]!.AsArray().ShouldNotBeEmpty();
        failed["output"]!.AsArray().ShouldAllBe(i => i!["type"]!.GetValue<string>() != "message");
    }

    [Fact]
    public async Task ForAgentPrompt_FailWithDefaults_UsesAnInternalError()
    {
        _harness.Emulator.Script.ForAgentPrompt(p => p.Contains("boom")).Fail();

        var failed = await _harness.CreateAsync(AgentHarness.Body("boom", background: false));

        failed["error"]!["type"]!.GetValue<string>().ShouldBe("internal_error");
        failed["error"]!["code"]!.GetValue<string>().ShouldBe("internal_error");
    }

    [Fact]
    public async Task EndIncomplete_EndsWithMaxOutputTokensAPartialMessageAndUsage()
    {
        _harness.Emulator.Script.ForAnyAgentRun().EndIncomplete("one two three four five six seven eight");
        var body = AgentHarness.Body(background: false);
        body["max_output_tokens"] = 64;

        var response = await _harness.CreateAsync(body);

        response["status"]!.GetValue<string>().ShouldBe("incomplete");
        response["incomplete_details"]!.ToJsonString().ShouldBe("""{"reason":"max_output_tokens"}""");
        response["model"]!.GetValue<string>().ShouldBe("openai/gpt-6-luna");
        response["completed_at"].ShouldBeNull();
        var message = response["output"]!.AsArray().Last()!;
        message["status"]!.GetValue<string>().ShouldBe("incomplete");
        message["content"]![0]!["text"]!.GetValue<string>().ShouldBe("one two three four ");
        response["usage"]!["output_tokens"]!.GetValue<int>().ShouldBe(64);
    }

    [Fact]
    public async Task CancelByServer_EndsCancelledLikeAnApiCancel()
    {
        _harness.Emulator.Script.ForAnyAgentRun().CancelByServer().RunningFor(TimeSpan.FromSeconds(10));
        var id = (await _harness.CreateAsync())["id"]!.GetValue<string>();

        _harness.Time.Advance(TimeSpan.FromSeconds(11));
        var cancelled = await _harness.SnapshotAsync(id);

        cancelled["status"]!.GetValue<string>().ShouldBe("cancelled");
        cancelled["error"]!["code"]!.GetValue<string>().ShouldBe("cancelled");
        cancelled["incomplete_details"]!["reason"]!.GetValue<string>().ShouldBe("cancelled");
        cancelled["model"]!.GetValue<string>().ShouldBe("medium");
    }

    [Fact]
    public async Task CompleteWith_AnswersTheScriptedText()
    {
        _harness.Emulator.Script.ForAgentPrompt("What is the boiling point of water?").CompleteWith("100 °C at sea level.");

        var response = await _harness.CreateAsync(AgentHarness.Body("  What is the boiling point of water?  ", background: false));

        response["output"]!.AsArray().Last()!["content"]![0]!["text"]!.GetValue<string>().ShouldBe("100 °C at sea level.");
    }

    [Fact]
    public async Task QueuedForAndRunningFor_SetTheRunsTimeline()
    {
        _harness.Emulator.Script.ForAnyAgentRun().QueuedFor(TimeSpan.FromSeconds(3)).RunningFor(TimeSpan.FromSeconds(7));
        var id = (await _harness.CreateAsync(AgentHarness.Body(preset: "fast")))["id"]!.GetValue<string>();

        var run = _harness.Emulator.AgentRuns.ShouldHaveSingleItem();

        run.StartsAt.ShouldBe(AgentHarness.Start.AddSeconds(3));
        run.FinishesAt.ShouldBe(AgentHarness.Start.AddSeconds(10));
        _harness.Time.Advance(TimeSpan.FromSeconds(10));
        (await _harness.SnapshotAsync(id))["status"]!.GetValue<string>().ShouldBe("completed");
    }

    [Fact]
    public async Task NeverFinish_StaysInProgressUntilCancelled()
    {
        _harness.Emulator.Script.ForAnyAgentRun().NeverFinish();
        var id = (await _harness.CreateAsync())["id"]!.GetValue<string>();

        _harness.Time.Advance(TimeSpan.FromHours(1));
        (await _harness.SnapshotAsync(id))["status"]!.GetValue<string>().ShouldBe("in_progress");
        _harness.Emulator.AgentRuns.Single().FinishesAt.ShouldBeNull();
        await _harness.SendAsync(HttpMethod.Post, $"{AgentHarness.Responses}/{id}/cancel");
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        (await _harness.SnapshotAsync(id))["status"]!.GetValue<string>().ShouldBe("cancelled");
    }

    [Fact]
    public async Task NeverFinish_SynchronousCreate_AnswersOnceTheRunIsCancelled()
    {
        _harness.Emulator.Script.ForAnyAgentRun().NeverFinish();

        var create = _harness.PostAsync(AgentHarness.Responses, AgentHarness.Body(background: false));
        create.IsCompleted.ShouldBeFalse();
        var id = _harness.Emulator.AgentRuns.Single().Id;
        await _harness.SendAsync(HttpMethod.Post, $"{AgentHarness.Responses}/{id}/cancel");
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        var response = await create;

        response.Json!["status"]!.GetValue<string>().ShouldBe("cancelled");
    }

    [Fact]
    public async Task AddAgentRun_AddsABackgroundRunThatGetAndAgentRunsSee()
    {
        var run = _harness.Emulator.AddAgentRun("How do heat pumps work?", "fast", id: "resp_fixed-1");

        run.Id.ShouldBe("resp_fixed-1");
        run.Status.ShouldBe("queued");
        run.Model.ShouldBe("fast");
        run.ResolvedModel.ShouldBe("openai/gpt-6-luna");
        run.Resumable.ShouldBeTrue();
        run.Route.ShouldBeNull();
        _harness.Time.Advance(TimeSpan.FromSeconds(4));
        (await _harness.SnapshotAsync("resp_fixed-1", AgentHarness.Agent))["status"]!.GetValue<string>().ShouldBe("completed");
        var now = _harness.Emulator.AgentRuns.ShouldHaveSingleItem();
        now.Status.ShouldBe("completed");
        now.EventCount.ShouldBeGreaterThan(10);
    }

    [Fact]
    public void AddAgentRun_BadArguments_Throw()
    {
        Should.Throw<ArgumentException>(() => _harness.Emulator.AddAgentRun("q", "sonar-pro")).ParamName.ShouldBe("presetOrModel");
        Should.Throw<ArgumentException>(() => _harness.Emulator.AddAgentRun("q", id: "job-1")).ParamName.ShouldBe("id");
        Should.Throw<ArgumentNullException>(() => _harness.Emulator.AddAgentRun(null!));
        _harness.Emulator.AddAgentRun("q", id: "resp_1");
        Should.Throw<ArgumentException>(() => _harness.Emulator.AddAgentRun("q", id: "resp_1"));
    }

    [Fact]
    public async Task ForAgentRun_ScriptsARunAddedLaterAndRefusesAnExistingOne()
    {
        _harness.Emulator.Script.ForAgentRun("resp_scripted").Fail("nope");
        _harness.Emulator.AddAgentRun("q", "fast", "resp_scripted");
        _harness.Time.Advance(TimeSpan.FromSeconds(4));

        (await _harness.SnapshotAsync("resp_scripted"))["status"]!.GetValue<string>().ShouldBe("failed");
        Should.Throw<InvalidOperationException>(() => _harness.Emulator.Script.ForAgentRun("resp_scripted").Complete());
    }

    [Fact]
    public async Task Scripts_LaterPromptRuleWinsAndAgentScriptsLeaveLegacyJobsAlone()
    {
        _harness.Emulator.Script.ForAgentPrompt(_ => true).Fail();
        _harness.Emulator.Script.ForAgentPrompt("q").Complete();

        var response = await _harness.CreateAsync(AgentHarness.Body("q", background: false));
        var job = _harness.Emulator.AddJob("q");
        _harness.Time.Advance(TimeSpan.FromSeconds(4));

        response["status"]!.GetValue<string>().ShouldBe("completed");
        _harness.Emulator.Jobs.Single(j => j.Id == job.Id).Status.ShouldBe(AsyncProcessingStatus.Completed);
    }

    [Fact]
    public async Task Reset_ForgetsRunsAndScripts()
    {
        _harness.Emulator.Script.ForAnyAgentRun().Fail();
        var id = (await _harness.CreateAsync())["id"]!.GetValue<string>();

        _harness.Emulator.Reset();

        _harness.Emulator.AgentRuns.ShouldBeEmpty();
        (await _harness.GetAsync($"{AgentHarness.Responses}/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await _harness.CreateAsync(AgentHarness.Body(background: false)))["status"]!.GetValue<string>().ShouldBe("completed");
    }

    public void Dispose() => _harness.Dispose();
}
