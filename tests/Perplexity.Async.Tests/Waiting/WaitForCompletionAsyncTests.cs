using System.Threading;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Waiting;

public sealed class WaitForCompletionAsyncTests : PollingTestBase
{
    [Theory]
    [InlineData("sonar", "/v1/async/sonar/" + Api.JobId)]
    [InlineData("chat", "/async/chat/completions/" + Api.JobId)]
    public async Task WaitForCompletionAsync_CreatedThenInProgressThenCompleted_ReturnsCompletedEnvelope(string route, string path)
    {
        Handler.Then("CREATED").Then("IN_PROGRESS", times: 2).ThenCompleted();
        var client = CreateSut();
        var sut = route == "sonar" ? client.Sonar : client.ChatCompletions;

        var result = await Clock.DriveAsync(sut.WaitForCompletionAsync(Api.JobId, Exact(), CancellationToken.None));

        result.Status.ShouldBe(AsyncProcessingStatus.Completed);
        result.Response.ShouldNotBeNull();
        Handler.Requests.Count.ShouldBe(4);
        Handler.Requests.ShouldAllBe(r => r.Uri.AbsolutePath == path && r.Method == System.Net.Http.HttpMethod.Get);
        Handler.Delays.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)]);
    }

    [Fact]
    public async Task WaitForCompletionAsync_AlreadyCompleted_ReturnsAfterOneRequestWithoutWaiting()
    {
        Handler.ThenCompleted();

        // The call shape the design document shows.
        var result = await Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, polling: null, CancellationToken.None));

        result.Response.ShouldNotBeNull();
        Handler.Requests.Count.ShouldBe(1);
        Clock.Elapsed.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task WaitForCompletionAsync_Failed_ThrowsJobFailedExceptionWithEnvelope()
    {
        Handler.Then("IN_PROGRESS").Then(Api.Failed);

        var ex = await Should.ThrowAsync<PerplexityJobFailedException>(
            Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(), CancellationToken.None)));

        ex.ShouldBeAssignableTo<PerplexityException>();
        ex.Envelope.Status.ShouldBe(AsyncProcessingStatus.Failed);
        ex.RequestId.ShouldBe(Api.JobId);
        ex.JobId.ShouldBe(Api.JobId);
        ex.ErrorMessage.ShouldBe("The model could not complete the research: upstream search quota exceeded.");
        ex.FailedAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1763870523));
        ex.Message.ShouldContain("upstream search quota exceeded");
        ex.Message.ShouldContain(Api.JobId);
        Handler.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task WaitForCompletionAsync_UnknownStatus_KeepsPolling()
    {
        var progress = new RecordingProgress();
        Handler.Then("CREATED").Then("QUEUED_FOR_REVIEW", times: 2).ThenCompleted();

        var result = await Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(), progress, CancellationToken.None));

        result.Status.ShouldBe(AsyncProcessingStatus.Completed);
        Handler.Requests.Count.ShouldBe(4);
        progress.Statuses.ShouldBe(["CREATED", "QUEUED_FOR_REVIEW", "COMPLETED"]);
    }

    [Fact]
    public async Task WaitForCompletionAsync_CompletedWithoutResponseThenWithIt_PollsAgainAndReturnsTheFullOne()
    {
        var progress = new RecordingProgress();
        Handler.Then("IN_PROGRESS").Then("COMPLETED", times: 2).ThenCompleted();

        var result = await Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(), progress, CancellationToken.None));

        result.Response.ShouldNotBeNull();
        Handler.Requests.Count.ShouldBe(4);
        progress.Statuses.ShouldBe(["IN_PROGRESS", "COMPLETED"]);
    }

    [Fact]
    public async Task WaitForCompletionAsync_CompletedWithoutResponseForever_ThrowsProtocolExceptionAfterBoundedPolls()
    {
        Handler.Then("COMPLETED");

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(
            Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(), CancellationToken.None)));

        ex.Message.ShouldContain("no response");
        Handler.Requests.Count.ShouldBe(1 + Perplexity.Async.Waiting.PollingDefaults.MaxCompletedWithoutResponseRetries);
    }

    [Fact]
    public async Task WaitForCompletionAsync_WithProgress_ReportsFirstStateAndEachChangeOnce()
    {
        var progress = new RecordingProgress();
        Handler.Then("CREATED", times: 2).Then("IN_PROGRESS", times: 3).ThenCompleted();

        await Clock.DriveAsync(CreateSut().ChatCompletions.WaitForCompletionAsync(Api.JobId, Exact(), progress, CancellationToken.None));

        progress.Statuses.ShouldBe(["CREATED", "IN_PROGRESS", "COMPLETED"]);
        Handler.Requests.Count.ShouldBe(6);
    }

    [Fact]
    public async Task WaitForCompletionAsync_RequestOptions_AreSentWithEveryPoll()
    {
        Handler.Then("IN_PROGRESS", times: 2).ThenCompleted();
        var requestOptions = new AsyncRequestOptions { LocalMode = true, ClientName = "poll-test" };

        await Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(
            Api.JobId, Exact(p => p.RequestOptions = requestOptions), CancellationToken.None));

        Handler.Requests.Count.ShouldBe(3);
        Handler.Requests.ShouldAllBe(r => r.Uri.Query == "?local_mode=true" && r.Headers["x-client-name"] == "poll-test");
    }

    [Fact]
    public async Task WaitForCompletionAsync_ClientDefaultPolling_IsUsedWhenTheCallPassesNone()
    {
        Handler.Then("IN_PROGRESS", times: 3).ThenCompleted();
        var client = CreateSut(o => o.Polling = Exact(p => p.InitialDelay = TimeSpan.FromSeconds(3)));

        await Clock.DriveAsync(client.Sonar.WaitForCompletionAsync(Api.JobId, CancellationToken.None));

        Handler.Delays.ShouldBe([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(12)]);
    }

    [Fact]
    public async Task WaitForCompletionAsync_PerCallPolling_ReplacesTheClientDefault()
    {
        Handler.Then("IN_PROGRESS", times: 2).ThenCompleted();
        var client = CreateSut(o => o.Polling = Exact(p => p.InitialDelay = TimeSpan.FromSeconds(3)));

        await Clock.DriveAsync(client.Sonar.WaitForCompletionAsync(Api.JobId, Exact(p => p.BackoffType = PollingBackoffType.Constant), CancellationToken.None));

        Handler.Delays.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)]);
    }

    [Fact]
    public async Task WaitForCompletionAsync_ClientOptionsChangedAfterCreation_KeepsTheSnapshot()
    {
        Handler.Then("IN_PROGRESS").ThenCompleted();
        var options = new PerplexityAsyncClientOptions();
        var client = CreateSut(o =>
        {
            o.Polling = Exact(p => p.InitialDelay = TimeSpan.FromSeconds(2));
            options = o;
        });
        options.Polling!.InitialDelay = TimeSpan.FromSeconds(9);

        await Clock.DriveAsync(client.Sonar.WaitForCompletionAsync(Api.JobId, CancellationToken.None));

        Handler.Delays.ShouldBe([TimeSpan.FromSeconds(2)]);
    }

    [Fact]
    public async Task WaitForCompletionAsync_OnAMockedClient_PollsTheOverriddenGetAsync()
    {
        var sut = new MockedClient();

        var result = await sut.WaitForCompletionAsync(Api.JobId, CancellationToken.None);

        result.Status.ShouldBe(AsyncProcessingStatus.Completed);
        sut.Calls.ShouldBe(1);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("..")]
    public void WaitForCompletionAsync_InvalidRequestId_ThrowsBeforeAnyRequest(string? requestId)
    {
        var sut = CreateSut().Sonar;

        var ex = Should.Throw<ArgumentException>(() => sut.WaitForCompletionAsync(requestId!, CancellationToken.None));

        ex.ParamName.ShouldBe("requestId");
        Handler.Requests.ShouldBeEmpty();
    }

    private sealed class MockedClient : AsyncCompletionsClient
    {
        public int Calls { get; private set; }

        public override Task<AsyncApiChatCompletionsResponse> GetAsync(string requestId, AsyncRequestOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.FromResult(PerplexityJson.Deserialize<AsyncApiChatCompletionsResponse>(Api.EnvelopeJson("COMPLETED", withResponse: true)));
        }
    }
}
