using System.Net.Http;
using System.Text;
using Microsoft.Extensions.AI;

namespace Perplexity.Async.Tests.ExtensionsAI;

/// <summary>Microsoft.Extensions.AI's background responses: start a job, get a token, poll it later.</summary>
public sealed class ChatBackgroundResponseTests : IDisposable
{
    private static readonly ChatOptions Background = new() { AllowBackgroundResponses = true };

    private readonly ChatClientHarness _harness = new();

    [Fact]
    public async Task GetResponseAsync_WithBackgroundResponses_ReturnsOnceTheJobIsCreated()
    {
        var response = await _harness.ChatClient.GetResponseAsync(ChatClientHarness.Ask(), Background);

        var job = _harness.Emulator.Jobs.ShouldHaveSingleItem();
        response.ResponseId.ShouldBe(job.Id);
        response.ContinuationToken.ShouldNotBeNull();
        response.Messages.ShouldBeEmpty();
        response.ModelId.ShouldBe("sonar-deep-research");
        response.CreatedAt.ShouldBe(ChatClientHarness.Epoch);
        response.AdditionalProperties![PerplexityChatResponseProperties.Status].ShouldBe("CREATED");
        response.RawRepresentation.ShouldBeOfType<AsyncApiChatCompletionsResponse>().Id.ShouldBe(job.Id);
        _harness.Emulator.Requests.ShouldHaveSingleItem().Method.ShouldBe(HttpMethod.Post);
    }

    [Fact]
    public async Task GetResponseAsync_WithTheContinuationToken_ChecksTheJobOnceUntilItIsDone()
    {
        var started = await _harness.ChatClient.GetResponseAsync(ChatClientHarness.Ask(), Background);
        var poll = new ChatOptions { ContinuationToken = started.ContinuationToken };

        _harness.Clock.Advance(TimeSpan.FromSeconds(2));
        var running = await _harness.ChatClient.GetResponseAsync([], poll);
        _harness.Clock.Advance(TimeSpan.FromSeconds(5));
        var done = await _harness.ChatClient.GetResponseAsync([], poll);

        running.ContinuationToken.ShouldNotBeNull();
        running.Messages.ShouldBeEmpty();
        running.AdditionalProperties![PerplexityChatResponseProperties.Status].ShouldBe("IN_PROGRESS");
        done.ContinuationToken.ShouldBeNull();
        done.ResponseId.ShouldBe(started.ResponseId);
        done.Text.ShouldContain("heat pumps");
        done.AdditionalProperties![PerplexityChatResponseProperties.Status].ShouldBe("COMPLETED");
        _harness.Emulator.Requests.Select(r => r.Method.Method).ShouldBe(["POST", "GET", "GET"]);
    }

    [Fact]
    public async Task GetResponseAsync_WithATokenRestoredFromItsBytes_FindsTheJob()
    {
        var started = await _harness.ChatClient.GetResponseAsync(ChatClientHarness.Ask(), Background);
        var bytes = started.ContinuationToken!.ToBytes().ToArray();
        _harness.Clock.Advance(TimeSpan.FromSeconds(10));

        var done = await _harness.ChatClient.GetResponseAsync([], new ChatOptions { ContinuationToken = ResponseContinuationToken.FromBytes(bytes) });

        done.ResponseId.ShouldBe(started.ResponseId);
        done.Text.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("resp_from_another_provider")]
    [InlineData("perplexity-async-job:")]
    public async Task GetResponseAsync_WithAForeignToken_ThrowsAndSendsNothing(string token)
    {
        var options = new ChatOptions { ContinuationToken = ResponseContinuationToken.FromBytes(Encoding.UTF8.GetBytes(token)) };

        var exception = await Should.ThrowAsync<ArgumentException>(() => _harness.ChatClient.GetResponseAsync([], options));

        exception.ParamName.ShouldBe("options");
        exception.Message.ShouldContain("not the token of a Perplexity async job");
        _harness.Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetResponseAsync_WithTheTokenOfAFailedJob_ThrowsPerplexityJobFailedException()
    {
        _harness.Emulator.Script.ForPrompt(ChatClientHarness.Question).FailWith("quota exceeded");
        var started = await _harness.ChatClient.GetResponseAsync(ChatClientHarness.Ask(), Background);
        _harness.Clock.Advance(TimeSpan.FromSeconds(10));

        var exception = await Should.ThrowAsync<PerplexityJobFailedException>(
            () => _harness.ChatClient.GetResponseAsync([], new ChatOptions { ContinuationToken = started.ContinuationToken }));

        exception.ErrorMessage.ShouldBe("quota exceeded");
    }

    [Fact]
    public async Task GetResponseAsync_WithTheTokenOfAnUnknownJob_ThrowsNotFound()
    {
        var options = new ChatOptions { ContinuationToken = ResponseContinuationToken.FromBytes(Encoding.UTF8.GetBytes("perplexity-async-job:missing")) };

        await Should.ThrowAsync<PerplexityNotFoundException>(() => _harness.ChatClient.GetResponseAsync([], options));
    }

    public void Dispose() => _harness.Dispose();
}
