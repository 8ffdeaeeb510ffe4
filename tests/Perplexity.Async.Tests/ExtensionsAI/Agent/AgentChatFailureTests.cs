using System.Threading;
using Microsoft.Extensions.AI;

namespace Perplexity.Async.Tests.ExtensionsAI.Agent;

/// <summary>Failed and cancelled runs end every call with the SDK's typed exceptions, which carry the run id.</summary>
public sealed class AgentChatFailureTests : IDisposable
{
    private readonly AgentChatHarness _harness = new();

    [Fact]
    public async Task GetResponseAsync_OfAFailedRun_ThrowsRunFailedCarryingTheRunIdAndTheResponse()
    {
        _harness.Emulator.Script.ForAnyAgentRun().Fail("upstream model unavailable", type: "bad_gateway");

        var exception = await Should.ThrowAsync<PerplexityRunFailedException>(_harness.GetResponseAsync());

        var run = _harness.Emulator.AgentRuns.Single();
        exception.JobId.ShouldBe(run.Id);
        exception.Response.Status.ShouldBe(AgentResponseStatus.Failed);
        exception.ErrorMessage.ShouldBe("upstream model unavailable");
    }

    [Fact]
    public async Task GetResponseAsync_OfARunTheServerCancelled_ThrowsRunCancelledCarryingTheRunId()
    {
        _harness.Emulator.Script.ForAnyAgentRun().CancelByServer();

        var exception = await Should.ThrowAsync<PerplexityRunCancelledException>(_harness.GetResponseAsync());

        exception.JobId.ShouldBe(_harness.Emulator.AgentRuns.Single().Id);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_OfAFailedRun_ThrowsRunFailedCarryingTheRunId()
    {
        _harness.Emulator.Script.ForAnyAgentRun().Fail("upstream model unavailable");

        var exception = await Should.ThrowAsync<PerplexityRunFailedException>(_harness.StreamAsync());

        exception.JobId.ShouldBe(_harness.Emulator.AgentRuns.Single().Id);
        exception.ErrorMessage.ShouldBe("upstream model unavailable");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_OfACancelledRun_ThrowsRunCancelledCarryingTheRunId()
    {
        _harness.Emulator.Script.ForAnyAgentRun().CancelByServer();

        var exception = await Should.ThrowAsync<PerplexityRunCancelledException>(_harness.StreamAsync());

        exception.JobId.ShouldBe(_harness.Emulator.AgentRuns.Single().Id);
    }

    [Fact]
    public async Task GetResponseAsync_OfAnIncompleteRun_ReturnsThePartialAnswerWithFinishReasonLength()
    {
        _harness.Emulator.Script.ForAnyAgentRun().EndIncomplete("one two three four five six");

        var response = await _harness.GetResponseAsync();

        response.FinishReason.ShouldBe(ChatFinishReason.Length);
        response.Text.ShouldBe("one two three ");
        response.AdditionalProperties![PerplexityChatResponseProperties.Status].ShouldBe("incomplete");
    }

    [Fact]
    public async Task GetResponseAsync_CancelledByTheCaller_CancelsTheRunAndThrowsWithItsId()
    {
        _harness.Emulator.Script.ForAnyAgentRun().NeverFinish();
        using var cts = new CancellationTokenSource();
        var call = _harness.ChatClient.GetResponseAsync(AgentChatHarness.Ask(), null, cts.Token);

        // Cancelled once the run exists and the call waits for it (a cancel during the create only stops the create).
        SpinWait.SpinUntil(() => _harness.Emulator.AgentRuns.Count == 1, TimeSpan.FromSeconds(10)).ShouldBeTrue();
        await _harness.Clock.WaitUntilSettledAsync(call);

        await cts.CancelAsync();

        var thrown = await Record.ExceptionAsync(() => _harness.DriveAsync(call));
        var exception = thrown.ShouldBeOfType<PerplexityWaitCanceledException>(thrown?.ToString());
        exception.JobId.ShouldBe(_harness.Emulator.AgentRuns.Single().Id);
        exception.RunCancelRequested.ShouldBeTrue();
        _harness.Calls().ShouldContain("POST /v1/responses/" + exception.JobId + "/cancel");
    }

    [Fact]
    public async Task GetResponseAsync_OnARetiredLegacyRoute_ThrowsEndpointRetired()
    {
        using var harness = new AgentChatHarness(
            new PerplexityAsyncChatClientOptions { Route = PerplexityChatRoute.ChatCompletions }, configureEmulator: e => e.RetireLegacyRoutes = true);

        await Should.ThrowAsync<PerplexityEndpointRetiredException>(harness.GetResponseAsync());
    }

    public void Dispose() => _harness.Dispose();
}
