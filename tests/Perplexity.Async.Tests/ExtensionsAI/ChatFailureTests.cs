using System.Net;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.AI;

namespace Perplexity.Async.Tests.ExtensionsAI;

/// <summary>GetResponseAsync's failures surface as the SDK's exceptions.</summary>
public sealed class ChatFailureTests : IDisposable
{
    // No overall timeout here: its timer starts before the first poll, and the clock could take it for the next
    // delay and jump to it. Only the timeout test sets one, where that jump changes nothing.
    private readonly ChatClientHarness _harness = new(new PerplexityAsyncChatClientOptions { Route = PerplexityChatRoute.Sonar, Polling = ChatClientHarness.ExactPolling() });

    [Fact]
    public async Task GetResponseAsync_OfAFailedJob_ThrowsPerplexityJobFailedException()
    {
        _harness.Emulator.Script.ForPrompt(ChatClientHarness.Question).FailWith("upstream model unavailable");

        var exception = await Should.ThrowAsync<PerplexityJobFailedException>(() => _harness.GetResponseAsync());

        exception.ErrorMessage.ShouldBe("upstream model unavailable");
        exception.RequestId.ShouldBe(_harness.Emulator.Jobs.Single().Id);
        exception.Envelope.Status.ShouldBe(AsyncProcessingStatus.Failed);
    }

    [Fact]
    public async Task GetResponseAsync_PastThePollingTimeout_ThrowsPerplexityTimeoutExceptionWithTheLastState()
    {
        using var harness = new ChatClientHarness(new PerplexityAsyncChatClientOptions { Route = PerplexityChatRoute.Sonar, Polling = ChatClientHarness.ExactPolling(TimeSpan.FromMinutes(2)) });
        harness.Emulator.Script.ForPrompt(ChatClientHarness.Question).NeverFinish();

        var exception = await Should.ThrowAsync<PerplexityTimeoutException>(() => harness.GetResponseAsync());

        exception.Timeout.ShouldBe(TimeSpan.FromMinutes(2));
        exception.LastResponse.ShouldNotBeNull().Status.ShouldBe(AsyncProcessingStatus.InProgress);
        harness.Clock.Elapsed.ShouldBe(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task GetResponseAsync_CancelledWhileWaiting_ThrowsOperationCanceledAndStopsPolling()
    {
        using var cts = new CancellationTokenSource();
        var call = _harness.ChatClient.GetResponseAsync(ChatClientHarness.Ask(), null, cts.Token);
        await _harness.Clock.WaitUntilSettledAsync(call);

        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(call);
        _harness.Clock.PendingTimers.ShouldBe(0);
        _harness.Emulator.Requests.Count(r => r.Method == HttpMethod.Post).ShouldBe(1);
    }

    [Fact]
    public async Task GetResponseAsync_AlreadyCancelled_ThrowsWithoutARequest()
    {
        await Should.ThrowAsync<OperationCanceledException>(
            () => _harness.ChatClient.GetResponseAsync(ChatClientHarness.Ask(), null, new CancellationToken(canceled: true)));

        _harness.Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetResponseAsync_WhenTheCreateIsRefused_ThrowsTheApiException()
    {
        _harness.Emulator.Faults.Next(1, HttpMethod.Post).RespondWith(HttpStatusCode.Unauthorized);

        var exception = await Should.ThrowAsync<PerplexityAuthenticationException>(() => _harness.GetResponseAsync());

        exception.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task GetResponseAsync_WithInvalidPolling_ThrowsNamingTheSetting()
    {
        using var harness = new ChatClientHarness(new PerplexityAsyncChatClientOptions { Route = PerplexityChatRoute.Sonar, Polling = new PollingOptions { InitialDelay = TimeSpan.Zero } });

        var exception = await Should.ThrowAsync<ArgumentOutOfRangeException>(() => harness.GetResponseAsync());

        exception.Message.ShouldContain(nameof(PollingOptions.InitialDelay));
    }

    public void Dispose() => _harness.Dispose();
}
