using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.AI;

namespace Perplexity.Async.Tests.ExtensionsAI;

/// <summary>GetStreamingResponseAsync: status updates while the job runs, the answer at the end, the SDK's errors.</summary>
public sealed class ChatStreamingTests : IDisposable
{
    private readonly ChatClientHarness _harness = new(new PerplexityAsyncChatClientOptions { Route = PerplexityChatRoute.Sonar, Polling = ChatClientHarness.ExactPolling() });

    [Fact]
    public async Task GetStreamingResponseAsync_WhileTheJobRuns_YieldsOneStatusUpdatePerStatusThenTheAnswer()
    {
        var updates = await _harness.StreamAsync();

        var job = _harness.Emulator.Jobs.ShouldHaveSingleItem();
        updates.Count.ShouldBe(3);
        var statuses = updates.Take(2).ToList();
        statuses.Select(u => u.AdditionalProperties![PerplexityChatResponseProperties.Status]).ShouldBe(["CREATED", "IN_PROGRESS"]);
        statuses.ShouldAllBe(u => u.Contents.Count == 0 && u.Text.Length == 0 && u.FinishReason == null && u.ContinuationToken == null);
        statuses.ShouldAllBe(u => u.Role == ChatRole.Assistant && u.MessageId == null && u.ModelId == "sonar-deep-research");
        statuses.Select(u => u.RawRepresentation).ShouldAllBe(r => r is AsyncApiChatCompletionsResponse);
        statuses[0].CreatedAt.ShouldBe(ChatClientHarness.Epoch);
        updates.ShouldAllBe(u => u.ResponseId == job.Id);

        var final = updates[2];
        final.Role.ShouldBe(ChatRole.Assistant);
        final.Text.ShouldContain("heat pumps");
        final.FinishReason.ShouldBe(ChatFinishReason.Stop);
        final.MessageId.ShouldBe("cmpl_" + job.Id);
        final.AdditionalProperties![PerplexityChatResponseProperties.Status].ShouldBe("COMPLETED");
        final.AdditionalProperties.ContainsKey(PerplexityChatResponseProperties.Cost).ShouldBeTrue();
        final.Contents.OfType<UsageContent>().ShouldHaveSingleItem().Details.TotalTokenCount.ShouldNotBeNull().ShouldBeGreaterThan(0);
        final.Contents.OfType<TextContent>().Single().Annotations.ShouldNotBeNull().Count.ShouldBe(4);
        final.ContinuationToken.ShouldBeNull();
    }

    [Fact]
    public async Task GetStreamingResponseAsync_Updates_CombineIntoTheAnswerGetResponseAsyncGives()
    {
        var streamed = (await _harness.StreamAsync()).ToChatResponse();
        var direct = await _harness.GetResponseAsync();

        var message = streamed.Messages.ShouldHaveSingleItem();
        message.Role.ShouldBe(ChatRole.Assistant);
        streamed.Text.ShouldBe(direct.Text);
        streamed.FinishReason.ShouldBe(direct.FinishReason);
        streamed.ModelId.ShouldBe(direct.ModelId);
        streamed.Usage.ShouldNotBeNull().TotalTokenCount.ShouldBe(direct.Usage!.TotalTokenCount);
        streamed.Usage.InputTokenCount.ShouldBe(direct.Usage.InputTokenCount);
        streamed.Usage.OutputTokenCount.ShouldBe(direct.Usage.OutputTokenCount);
        message.Contents.OfType<TextContent>().Single().Annotations!.Count.ShouldBe(direct.Messages[0].Contents.OfType<TextContent>().Single().Annotations!.Count);
        message.AdditionalProperties![PerplexityChatResponseProperties.Status].ShouldBe("COMPLETED");
        streamed.ResponseId.ShouldBe(_harness.Emulator.Jobs[0].Id);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_OfAFailedJob_ThrowsTheSdksExceptionAfterTheStatusUpdates()
    {
        _harness.Emulator.Script.ForPrompt(ChatClientHarness.Question).FailWith("upstream model unavailable");
        var seen = new List<ChatResponseUpdate>();

        var exception = await Should.ThrowAsync<PerplexityJobFailedException>(
            () => _harness.DriveAsync(CollectIntoAsync(_harness.ChatClient.GetStreamingResponseAsync(ChatClientHarness.Ask()), seen)));

        exception.ErrorMessage.ShouldBe("upstream model unavailable");
        exception.RequestId.ShouldBe(_harness.Emulator.Jobs[0].Id);
        seen.Select(u => u.AdditionalProperties![PerplexityChatResponseProperties.Status]).ShouldBe(["CREATED", "IN_PROGRESS"]);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_PastThePollingTimeout_ThrowsPerplexityTimeoutException()
    {
        using var harness = new ChatClientHarness(new PerplexityAsyncChatClientOptions { Route = PerplexityChatRoute.Sonar, Polling = ChatClientHarness.ExactPolling(TimeSpan.FromSeconds(30)) });
        harness.Emulator.Script.ForPrompt(ChatClientHarness.Question).NeverFinish();

        var exception = await Should.ThrowAsync<PerplexityTimeoutException>(() => harness.StreamAsync());

        exception.LastResponse.ShouldNotBeNull().Status.ShouldBe(AsyncProcessingStatus.InProgress);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_Cancelled_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        var seen = new List<ChatResponseUpdate>();
        var task = CollectIntoAsync(_harness.ChatClient.GetStreamingResponseAsync(ChatClientHarness.Ask(), null, cts.Token), seen);
        await _harness.Clock.WaitUntilSettledAsync(task);

        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(task);
        seen.Count.ShouldBe(1);
        _harness.Clock.PendingTimers.ShouldBe(0);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_WithBackgroundResponses_PutsATokenOnEveryStatusUpdate()
    {
        var updates = await _harness.StreamAsync(options: new ChatOptions { AllowBackgroundResponses = true });

        updates.Count.ShouldBe(3);
        updates.Take(2).ShouldAllBe(u => u.ContinuationToken != null);
        updates[2].ContinuationToken.ShouldBeNull();
    }

    [Fact]
    public async Task GetStreamingResponseAsync_WithAContinuationToken_ResumesTheSameJobWithoutCreatingAnother()
    {
        using var cts = new CancellationTokenSource();
        var seen = new List<ChatResponseUpdate>();
        var first = CollectIntoAsync(
            _harness.ChatClient.GetStreamingResponseAsync(ChatClientHarness.Ask(), new ChatOptions { AllowBackgroundResponses = true }, cts.Token), seen);
        await _harness.Clock.WaitUntilSettledAsync(first);
        await cts.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(first);
        var token = seen.Last().ContinuationToken.ShouldNotBeNull();

        var resumed = await _harness.DriveAsync(ChatClientHarness.CollectAsync(
            _harness.ChatClient.GetStreamingResponseAsync([], new ChatOptions { ContinuationToken = token })));

        _harness.Emulator.Requests.Count(r => r.Method == HttpMethod.Post).ShouldBe(1);
        resumed.Last().Text.ShouldContain("heat pumps");
        resumed.ShouldAllBe(u => u.ResponseId == _harness.Emulator.Jobs[0].Id);
    }

    public void Dispose() => _harness.Dispose();

    private static async Task<int> CollectIntoAsync(IAsyncEnumerable<ChatResponseUpdate> updates, List<ChatResponseUpdate> into)
    {
        await foreach (var update in updates)
        {
            into.Add(update);
        }

        return into.Count;
    }
}
