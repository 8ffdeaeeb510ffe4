using System.Net;
using System.Net.Http;

namespace Perplexity.Async.Tests.Testing.Agent;

public sealed class AgentCancelTests : IDisposable
{
    private readonly AgentHarness _harness = new();

    [Theory]
    [InlineData(AgentHarness.Agent)]
    [InlineData(AgentHarness.Responses)]
    public async Task Cancel_RunningRun_AcknowledgesCancellingAndTheRunTurnsCancelledAfterTheDelay(string route)
    {
        var id = (await _harness.CreateAsync())["id"]!.GetValue<string>();
        _harness.Time.Advance(TimeSpan.FromSeconds(20));

        var ack = await _harness.SendAsync(HttpMethod.Post, $"{route}/{id}/cancel");
        _harness.Time.Advance(TimeSpan.FromMilliseconds(999));
        var stillRunning = await _harness.SnapshotAsync(id);
        _harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        var cancelled = await _harness.SnapshotAsync(id);

        ack.Status.ShouldBe(HttpStatusCode.OK);
        ack.Json!.ToJsonString().ShouldBe($$"""{"response_id":"{{id}}","status":"cancelling"}""");
        ack.Header("x-request-id").ShouldBe(id.Substring(5));
        stillRunning["status"]!.GetValue<string>().ShouldBe("in_progress");
        cancelled["status"]!.GetValue<string>().ShouldBe("cancelled");
        cancelled["error"]!.ToJsonString().ShouldBe("""{"code":"cancelled","message":"cancelled","type":"cancelled"}""");
        cancelled["incomplete_details"]!.ToJsonString().ShouldBe("""{"reason":"cancelled"}""");
        cancelled["usage"].ShouldBeNull();
        cancelled["completed_at"].ShouldBeNull();
        cancelled["model"]!.GetValue<string>().ShouldBe("medium");
        var output = cancelled["output"]!.AsArray();
        output.ShouldNotBeEmpty();
        output.ShouldAllBe(i => i!["type"]!.GetValue<string>() != "message");
    }

    [Fact]
    public async Task Cancel_QueuedRun_CancelsItWithNoOutput()
    {
        var id = (await _harness.CreateAsync())["id"]!.GetValue<string>();

        (await _harness.SendAsync(HttpMethod.Post, $"{AgentHarness.Responses}/{id}/cancel")).Status.ShouldBe(HttpStatusCode.OK);
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        var cancelled = await _harness.SnapshotAsync(id);

        cancelled["status"]!.GetValue<string>().ShouldBe("cancelled");
        cancelled["output"]!.AsArray().ShouldBeEmpty();
        _harness.Time.Advance(TimeSpan.FromMinutes(5));
        (await _harness.SnapshotAsync(id))["status"]!.GetValue<string>().ShouldBe("cancelled");
    }

    [Fact]
    public async Task Cancel_TwiceWhileCancelling_AcknowledgesBoth()
    {
        var id = (await _harness.CreateAsync())["id"]!.GetValue<string>();

        var first = await _harness.SendAsync(HttpMethod.Post, $"{AgentHarness.Responses}/{id}/cancel");
        _harness.Time.Advance(TimeSpan.FromMilliseconds(500));
        var second = await _harness.SendAsync(HttpMethod.Post, $"{AgentHarness.Responses}/{id}/cancel");
        _harness.Time.Advance(TimeSpan.FromMilliseconds(500));

        first.Status.ShouldBe(HttpStatusCode.OK);
        second.Status.ShouldBe(HttpStatusCode.OK);
        (await _harness.SnapshotAsync(id))["status"]!.GetValue<string>().ShouldBe("cancelled");
    }

    [Fact]
    public async Task Cancel_RunThatEndsBeforeTheCancelTakesEffect_CompletesAsPlanned()
    {
        var id = (await _harness.CreateAsync(AgentHarness.Body(preset: "fast")))["id"]!.GetValue<string>();
        _harness.Time.Advance(TimeSpan.FromMilliseconds(3500));

        (await _harness.SendAsync(HttpMethod.Post, $"{AgentHarness.Responses}/{id}/cancel")).Status.ShouldBe(HttpStatusCode.OK);
        _harness.Time.Advance(TimeSpan.FromSeconds(1));

        (await _harness.SnapshotAsync(id))["status"]!.GetValue<string>().ShouldBe("completed");
    }

    [Fact]
    public async Task Cancel_TerminalRun_Answers400AlreadyTerminal()
    {
        var id = (await _harness.CreateAsync(AgentHarness.Body(background: false)))["id"]!.GetValue<string>();

        var answer = await _harness.SendAsync(HttpMethod.Post, $"{AgentHarness.Agent}/{id}/cancel");

        answer.ShouldBeError(HttpStatusCode.BadRequest, "the run is already terminal and cannot be cancelled", "invalid_request");
    }

    [Fact]
    public async Task Cancel_UnknownId_Answers400LikeATerminalRunByDefaultAnd404WhenConfigured()
    {
        const string unknown = "resp_d60f3e03-57e0-4048-994f-69b29a6d2ce7";
        using var documented = new AgentHarness(o => o.AgentCancelOfUnknownIdIsNotFound = true);

        var live = await _harness.SendAsync(HttpMethod.Post, $"{AgentHarness.Agent}/{unknown}/cancel");
        var notFound = await documented.SendAsync(HttpMethod.Post, $"{AgentHarness.Agent}/{unknown}/cancel");

        live.ShouldBeError(HttpStatusCode.BadRequest, "the run is already terminal and cannot be cancelled", "invalid_request");
        notFound.ShouldBeError(HttpStatusCode.NotFound, "resource not found", "not_found");
    }

    [Fact]
    public async Task Cancel_MalformedId_Answers400InvalidResponseId()
    {
        var answer = await _harness.SendAsync(HttpMethod.Post, $"{AgentHarness.Agent}/not-an-id/cancel");

        answer.ShouldBeError(HttpStatusCode.BadRequest, "invalid response id", "invalid_request");
    }

    [Fact]
    public async Task Cancel_ConfiguredDelay_IsUsed()
    {
        using var harness = new AgentHarness(o => o.AgentCancelDelay = TimeSpan.FromSeconds(5));
        var id = (await harness.CreateAsync())["id"]!.GetValue<string>();

        await harness.SendAsync(HttpMethod.Post, $"{AgentHarness.Responses}/{id}/cancel");
        harness.Time.Advance(TimeSpan.FromSeconds(4));
        (await harness.SnapshotAsync(id))["status"]!.GetValue<string>().ShouldBe("in_progress");
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        (await harness.SnapshotAsync(id))["status"]!.GetValue<string>().ShouldBe("cancelled");
    }

    public void Dispose() => _harness.Dispose();
}
