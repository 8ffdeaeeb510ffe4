using System.Text.Json;
using Microsoft.Extensions.AI;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Perplexity.Async.Tests.ExtensionsAI.Agent;

/// <summary>AllowBackgroundResponses and ContinuationToken on the Agent route, as Microsoft.Extensions.AI 10.x defines them.</summary>
public sealed class AgentChatBackgroundResponseTests : IDisposable
{
    private readonly AgentChatHarness _harness = new();

    [Fact]
    public async Task GetResponseAsync_WithBackgroundResponses_ReturnsAtOnceWithATokenAndNoMessages()
    {
        var response = await _harness.GetResponseAsync(options: new ChatOptions { AllowBackgroundResponses = true });

        var run = _harness.Emulator.AgentRuns.Single();
        response.ResponseId.ShouldBe(run.Id);
        response.Messages.ShouldBeEmpty();
        response.ContinuationToken.ShouldNotBeNull();
        response.AdditionalProperties![PerplexityChatResponseProperties.Status].ShouldBe("queued");
        response.RawRepresentation.ShouldBeOfType<AgentResponse>().Id.ShouldBe(run.Id);
        _harness.Calls().ShouldBe(["POST /v1/agent"]);
        _harness.Clock.Elapsed.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task ContinuationToken_ThroughBytes_NamesTheSameRun()
    {
        var started = await _harness.GetResponseAsync(options: new ChatOptions { AllowBackgroundResponses = true });

        var restored = ResponseContinuationToken.FromBytes(started.ContinuationToken!.ToBytes().ToArray());
        var polled = await _harness.DriveAsync(_harness.ChatClient.GetResponseAsync([], new ChatOptions { ContinuationToken = restored }));

        polled.ResponseId.ShouldBe(started.ResponseId);
        _harness.Calls().Last().ShouldBe("GET /v1/responses/" + started.ResponseId);
    }

    [Fact]
    public async Task ContinuationToken_ThroughMicrosoftExtensionsAIsJson_NamesTheSameRun()
    {
        var started = await _harness.GetResponseAsync(options: new ChatOptions { AllowBackgroundResponses = true });

        var json = JsonSerializer.Serialize(started, AIJsonUtilities.DefaultOptions);
        var restored = JsonSerializer.Deserialize<ChatResponse>(json, AIJsonUtilities.DefaultOptions)!.ContinuationToken.ShouldNotBeNull();
        var polled = await _harness.DriveAsync(_harness.ChatClient.GetResponseAsync([], new ChatOptions { ContinuationToken = restored }));

        polled.ResponseId.ShouldBe(started.ResponseId);
    }

    [Fact]
    public async Task GetResponseAsync_PollingWithTheToken_ReturnsTheCurrentStateThenTheAnswerWithANullToken()
    {
        var started = await _harness.GetResponseAsync(options: new ChatOptions { AllowBackgroundResponses = true });
        var run = _harness.Emulator.AgentRuns.Single();

        _harness.Clock.Advance(run.StartsAt - _harness.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        var running = await _harness.ChatClient.GetResponseAsync([], new ChatOptions { ContinuationToken = started.ContinuationToken });

        running.Messages.ShouldBeEmpty();
        running.AdditionalProperties![PerplexityChatResponseProperties.Status].ShouldBe("in_progress");
        running.ContinuationToken.ShouldNotBeNull();

        _harness.Clock.Advance(run.FinishesAt!.Value - _harness.Clock.GetUtcNow());
        var done = await _harness.ChatClient.GetResponseAsync([], new ChatOptions { ContinuationToken = running.ContinuationToken });

        done.ContinuationToken.ShouldBeNull();
        done.Text.ShouldContain("heat pumps");
        done.FinishReason.ShouldBe(ChatFinishReason.Stop);
        done.AdditionalProperties![PerplexityChatResponseProperties.Status].ShouldBe("completed");
        _harness.Emulator.Requests.Count(r => r.Method == System.Net.Http.HttpMethod.Post).ShouldBe(1);
    }

    [Fact]
    public async Task GetResponseAsync_WithoutBackgroundResponses_WaitsForTheEndOnTheWaitEngine()
    {
        var response = await _harness.GetResponseAsync(options: new ChatOptions { ModelId = "fast" });

        var run = _harness.Emulator.AgentRuns.Single();
        response.ContinuationToken.ShouldBeNull();
        response.Text.ShouldContain("heat pumps");
        _harness.Clock.GetUtcNow().ShouldBeGreaterThanOrEqualTo(run.FinishesAt!.Value);
        _harness.Calls().Count(c => c.StartsWith("GET ", StringComparison.Ordinal)).ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task GetResponseAsync_WithATokenAndMessages_ThrowsInvalidOperation()
    {
        var started = await _harness.GetResponseAsync(options: new ChatOptions { AllowBackgroundResponses = true });

        var exception = await Should.ThrowAsync<InvalidOperationException>(
            _harness.ChatClient.GetResponseAsync(AgentChatHarness.Ask(), new ChatOptions { ContinuationToken = started.ContinuationToken }));

        exception.Message.ShouldContain(started.ResponseId!);
    }

    [Fact]
    public async Task GetResponseAsync_WithAForeignToken_ThrowsArgumentException()
    {
        var foreign = ResponseContinuationToken.FromBytes(new byte[] { 1, 2, 3 });

        var exception = await Should.ThrowAsync<ArgumentException>(
            _harness.ChatClient.GetResponseAsync([], new ChatOptions { ContinuationToken = foreign }));

        exception.Message.ShouldContain("Agent run");
        _harness.Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetResponseAsync_WithALegacyRoutesToken_ThrowsArgumentException()
    {
        var legacy = ResponseContinuationToken.FromBytes(System.Text.Encoding.UTF8.GetBytes("perplexity-async-job:abc"));

        await Should.ThrowAsync<ArgumentException>(_harness.ChatClient.GetResponseAsync([], new ChatOptions { ContinuationToken = legacy }));
    }

    [Fact]
    public async Task GetResponseAsync_PollingAFailedRun_ThrowsRunFailedCarryingTheRunId()
    {
        _harness.Emulator.Script.ForAnyAgentRun().Fail("upstream model unavailable");
        var started = await _harness.GetResponseAsync(options: new ChatOptions { AllowBackgroundResponses = true });
        _harness.Clock.Advance(_harness.Emulator.AgentRuns.Single().FinishesAt!.Value - _harness.Clock.GetUtcNow());

        var exception = await Should.ThrowAsync<PerplexityRunFailedException>(
            _harness.ChatClient.GetResponseAsync(Array.Empty<AIChatMessage>(), new ChatOptions { ContinuationToken = started.ContinuationToken }));

        exception.JobId.ShouldBe(started.ResponseId);
        exception.ErrorMessage.ShouldBe("upstream model unavailable");
    }

    public void Dispose() => _harness.Dispose();
}
