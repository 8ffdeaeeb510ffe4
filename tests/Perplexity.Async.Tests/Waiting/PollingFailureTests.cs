using System.Net;
using System.Net.Http;
using System.Threading;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Waiting;

/// <summary>Transient and non-transient failures, the overall timeout and cancellation.</summary>
public sealed class PollingFailureTests : PollingTestBase
{
    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task WaitForCompletionAsync_TransientStatus_IsRetried(int status)
    {
        Handler.Then("IN_PROGRESS").ThenError(status, times: 2).ThenCompleted();

        var result = await Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(), CancellationToken.None));

        result.Response.ShouldNotBeNull();
        Handler.Requests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task WaitForCompletionAsync_NetworkError_IsRetried()
    {
        Handler.ThenNetworkError().ThenNetworkError().ThenCompleted();

        var result = await Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(), CancellationToken.None));

        result.Response.ShouldNotBeNull();
        Handler.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task WaitForCompletionAsync_PerRequestTimeout_IsRetried()
    {
        // What HttpClient.Timeout looks like to the transport: a cancellation the caller did not ask for.
        Handler.Then((_, _) => Task.FromException<HttpResponseMessage>(new TaskCanceledException("HttpClient.Timeout"))).ThenCompleted();

        var result = await Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(), CancellationToken.None));

        result.Response.ShouldNotBeNull();
        Handler.Requests.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData(400, typeof(PerplexityBadRequestException))]
    [InlineData(401, typeof(PerplexityAuthenticationException))]
    [InlineData(403, typeof(PerplexityAuthenticationException))]
    [InlineData(404, typeof(PerplexityNotFoundException))]
    [InlineData(422, typeof(PerplexityValidationException))]
    public async Task WaitForCompletionAsync_NonTransientStatus_EndsTheWaitAtOnce(int status, Type expected)
    {
        Handler.Then("IN_PROGRESS").ThenError(status).ThenCompleted();

        var ex = await Should.ThrowAsync<PerplexityApiException>(
            Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(), CancellationToken.None)));

        ex.GetType().ShouldBe(expected);
        ((int)ex.StatusCode).ShouldBe(status);
        Handler.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task WaitForCompletionAsync_Conflict_IsRetriedAsTheTransportRetriesIt()
    {
        Handler.Then("IN_PROGRESS").ThenError(409).ThenCompleted();

        var result = await Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(), CancellationToken.None));

        result.Response.ShouldNotBeNull();
        Handler.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task WaitForCompletionAsync_ShouldRetryFalseOnA503_EndsTheWaitAtOnce()
    {
        Handler.Then("IN_PROGRESS").ThenError(503, r => r.Headers.TryAddWithoutValidation("x-should-retry", "false")).ThenCompleted();

        var ex = await Should.ThrowAsync<PerplexityServerException>(
            Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(), CancellationToken.None)));

        ex.Details.ShouldRetry.ShouldBe(false);
        Handler.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task WaitForCompletionAsync_ShouldRetryTrueOnA400_IsRetried()
    {
        Handler.Then("IN_PROGRESS").ThenError(400, r => r.Headers.TryAddWithoutValidation("x-should-retry", "true")).ThenCompleted();

        var result = await Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(), CancellationToken.None));

        result.Response.ShouldNotBeNull();
        Handler.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task WaitForCompletionAsync_BodyIsNotJson_EndsTheWaitWithProtocolException()
    {
        Handler.Then(() => Api.Json("<html>gateway</html>"));

        await Should.ThrowAsync<PerplexityProtocolException>(
            Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(), CancellationToken.None)));

        Handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task WaitForCompletionAsync_TransientFailuresReachTheLimit_ThrowsTheLastOne()
    {
        Handler.Then("IN_PROGRESS").ThenError(503);

        var ex = await Should.ThrowAsync<PerplexityServerException>(
            Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(p => p.MaxConsecutiveFailures = 3), CancellationToken.None)));

        ex.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        Handler.Requests.Count.ShouldBe(1 + 3);
    }

    [Fact]
    public async Task WaitForCompletionAsync_DefaultFailureLimit_GivesUpAfterTenInARow()
    {
        Handler.ThenNetworkError();

        await Should.ThrowAsync<PerplexityConnectionException>(
            Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(), CancellationToken.None)));

        Handler.Requests.Count.ShouldBe(10);
    }

    [Fact]
    public async Task WaitForCompletionAsync_SuccessBetweenFailures_ResetsTheFailureCount()
    {
        Handler.ThenError(503).Then("IN_PROGRESS").ThenError(503).Then("IN_PROGRESS").ThenError(503).ThenCompleted();

        var result = await Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(p => p.MaxConsecutiveFailures = 2), CancellationToken.None));

        result.Response.ShouldNotBeNull();
        Handler.Requests.Count.ShouldBe(6);
    }

    [Fact]
    public async Task WaitForCompletionAsync_NoFailureLimit_RetriesForAsLongAsItTakes()
    {
        Handler.ThenError(502, times: 40).ThenCompleted();

        var result = await Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(p => p.MaxConsecutiveFailures = null), CancellationToken.None));

        result.Response.ShouldNotBeNull();
        Handler.Requests.Count.ShouldBe(41);
    }

    [Fact]
    public async Task WaitForCompletionAsync_TimeoutRunsOut_ThrowsTimeoutExceptionWithTheLastEnvelope()
    {
        Handler.Then("CREATED").Then("IN_PROGRESS");

        var ex = await Should.ThrowAsync<PerplexityTimeoutException>(
            Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(p => p.Timeout = TimeSpan.FromSeconds(10)), CancellationToken.None)));

        ex.Timeout.ShouldBe(TimeSpan.FromSeconds(10));
        ex.LastResponse.ShouldNotBeNull().Status.ShouldBe(AsyncProcessingStatus.InProgress);
        ex.Message.ShouldContain(Api.JobId);
        ex.Message.ShouldContain("IN_PROGRESS");
        Clock.Elapsed.ShouldBe(TimeSpan.FromSeconds(10));
        Handler.Requests.Select(r => r.At - TestClock.Epoch).ShouldBe([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(7)]);
        Clock.PendingTimers.ShouldBe(0);
    }

    [Fact]
    public async Task WaitForCompletionAsync_TimeoutWhileTheFirstRequestHangs_ThrowsTimeoutExceptionWithoutEnvelope()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Handler.ThenHang(entered);
        var wait = CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(p => p.Timeout = TimeSpan.FromSeconds(5)), CancellationToken.None);
        await entered.Task;

        // Blocked on the network rather than on a timer, so time is moved by hand.
        Clock.Advance(TimeSpan.FromSeconds(5));

        var ex = await Should.ThrowAsync<PerplexityTimeoutException>(wait);
        ex.LastResponse.ShouldBeNull();
        ex.Message.ShouldContain("no poll had answered");
        Clock.Elapsed.ShouldBe(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task WaitForCompletionAsync_CancelledDuringADelay_ThrowsAtOnceWithoutMovingTime()
    {
        Handler.Then("IN_PROGRESS");
        using var cts = new CancellationTokenSource();
        var wait = CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(), cts.Token);
        await Clock.WaitUntilSettledAsync(wait);
        Clock.PendingTimers.ShouldBe(1);

        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(wait);
        Clock.Elapsed.ShouldBe(TimeSpan.Zero);
        Handler.Requests.Count.ShouldBe(1);
        Clock.PendingTimers.ShouldBe(0);
    }

    [Fact]
    public async Task WaitForCompletionAsync_CancelledDuringARetryAfterWait_ThrowsAtOnce()
    {
        Handler.ThenError(429, r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(40)));
        using var cts = new CancellationTokenSource();
        var wait = CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(p => p.Timeout = TimeSpan.FromMinutes(5)), cts.Token);
        await Clock.WaitUntilSettledAsync(wait);

        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(wait);
        Clock.Elapsed.ShouldBe(TimeSpan.Zero);
        Clock.PendingTimers.ShouldBe(0);
    }

    [Fact]
    public async Task WaitForCompletionAsync_AlreadyCancelled_ThrowsWithoutARequest()
    {
        var wait = CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(), new CancellationToken(canceled: true));

        await Should.ThrowAsync<OperationCanceledException>(wait);
        Handler.Requests.ShouldBeEmpty();
    }
}
