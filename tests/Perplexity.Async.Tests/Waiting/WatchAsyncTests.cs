using System.Threading;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Waiting;

public sealed class WatchAsyncTests : PollingTestBase
{
    [Theory]
    [InlineData("sonar")]
    [InlineData("chat")]
    public async Task WatchAsync_StatusSequence_YieldsFirstStateAndEachChange(string route)
    {
        Handler.Then("CREATED", times: 2).Then("IN_PROGRESS", times: 3).ThenCompleted();
        var client = CreateSut();
        var sut = route == "sonar" ? client.Sonar : client.ChatCompletions;

        var items = await Clock.DriveAsync(CollectAsync(sut.WatchAsync(Api.JobId, Exact())));

        items.Select(i => i.Status.Value).ShouldBe(["CREATED", "IN_PROGRESS", "COMPLETED"]);
        items[^1].Response.ShouldNotBeNull();
        Handler.Requests.Count.ShouldBe(6);
    }

    [Fact]
    public async Task WatchAsync_SameScriptAsWait_SeesTheSameChangesAsProgressAndTheSameDelays()
    {
        var progress = new RecordingProgress();
        Handler.Then("CREATED").Then("IN_PROGRESS", times: 4).Then("QUEUED_FOR_REVIEW").ThenCompleted()
            .Then("CREATED").Then("IN_PROGRESS", times: 4).Then("QUEUED_FOR_REVIEW").ThenCompleted();
        var sut = CreateSut().Sonar;

        await Clock.DriveAsync(sut.WaitForCompletionAsync(Api.JobId, Exact(), progress, CancellationToken.None));
        var waitDelays = Handler.Delays.ToList();
        var items = await Clock.DriveAsync(CollectAsync(sut.WatchAsync(Api.JobId, Exact())));

        items.Select(i => i.Status.Value).ShouldBe(progress.Statuses);
        progress.Statuses.ShouldBe(["CREATED", "IN_PROGRESS", "QUEUED_FOR_REVIEW", "COMPLETED"]);
        Handler.Delays.Skip(waitDelays.Count + 1).ShouldBe(waitDelays);
    }

    [Fact]
    public async Task WatchAsync_DefaultPolling_UsesTheConvenienceOverload()
    {
        Handler.Then("IN_PROGRESS").ThenCompleted();

        var items = await Clock.DriveAsync(CollectAsync(CreateSut().Sonar.WatchAsync(Api.JobId, CancellationToken.None)));

        items.Count.ShouldBe(2);
    }

    [Fact]
    public async Task WatchAsync_Failed_YieldsTheFailedStateThenEndsWithoutException()
    {
        Handler.Then("IN_PROGRESS").Then(Api.Failed);

        var items = await Clock.DriveAsync(CollectAsync(CreateSut().Sonar.WatchAsync(Api.JobId, Exact())));

        items.Select(i => i.Status.Value).ShouldBe(["IN_PROGRESS", "FAILED"]);
        items[^1].ErrorMessage.ShouldNotBeNullOrEmpty();
        Handler.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task WatchAsync_NonTransientError_YieldsWhatWasSeenThenThrows()
    {
        var seen = new List<string>();
        Handler.Then("IN_PROGRESS").ThenError(404);

        async Task WatchAsync()
        {
            await foreach (var item in CreateSut().Sonar.WatchAsync(Api.JobId, Exact()))
            {
                seen.Add(item.Status.Value);
            }
        }

        var task = WatchAsync();
        await Clock.DriveAsync(task);

        await Should.ThrowAsync<PerplexityNotFoundException>(task);
        seen.ShouldBe(["IN_PROGRESS"]);
    }

    [Fact]
    public async Task WatchAsync_TimeoutRunsOut_ThrowsTimeoutExceptionWithTheLastEnvelope()
    {
        Handler.Then("IN_PROGRESS");

        var ex = await Should.ThrowAsync<PerplexityTimeoutException>(
            Clock.DriveAsync(CollectAsync(CreateSut().Sonar.WatchAsync(Api.JobId, Exact(p => p.Timeout = TimeSpan.FromSeconds(20))))));

        ex.LastResponse.ShouldNotBeNull().Status.ShouldBe(AsyncProcessingStatus.InProgress);
        Clock.Elapsed.ShouldBe(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task WatchAsync_ConsumerStopsEarly_StopsPolling()
    {
        Handler.Then("CREATED").Then("IN_PROGRESS");

        async Task<AsyncApiChatCompletionsResponse> FirstAsync()
        {
            await foreach (var item in CreateSut().Sonar.WatchAsync(Api.JobId, Exact()))
            {
                return item;
            }

            throw new InvalidOperationException("No item.");
        }

        var first = await Clock.DriveAsync(FirstAsync());

        first.Status.ShouldBe(AsyncProcessingStatus.Created);
        Handler.Requests.Count.ShouldBe(1);
        Clock.PendingTimers.ShouldBe(0);
        Clock.Advance(TimeSpan.FromMinutes(5));
        Handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task WatchAsync_CancelledDuringADelay_ThrowsAtOnce()
    {
        Handler.Then("IN_PROGRESS");
        using var cts = new CancellationTokenSource();
        var seen = new List<string>();

        async Task WatchAsync()
        {
            await foreach (var item in CreateSut().Sonar.WatchAsync(Api.JobId, Exact(), cts.Token))
            {
                seen.Add(item.Status.Value);
            }
        }

        var task = WatchAsync();
        await Clock.WaitUntilSettledAsync(task);
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(task);
        seen.ShouldBe(["IN_PROGRESS"]);
        Clock.Elapsed.ShouldBe(TimeSpan.Zero);
        Clock.PendingTimers.ShouldBe(0);
    }

    [Fact]
    public void WatchAsync_InvalidArguments_ThrowBeforeEnumeration()
    {
        var sut = CreateSut().Sonar;

        Should.Throw<ArgumentException>(() => sut.WatchAsync(" ", CancellationToken.None)).ParamName.ShouldBe("requestId");
        Should.Throw<ArgumentOutOfRangeException>(() => sut.WatchAsync(Api.JobId, new PollingOptions { InitialDelay = TimeSpan.Zero }))
            .ParamName.ShouldBe("polling");
        Handler.Requests.ShouldBeEmpty();
    }
}
