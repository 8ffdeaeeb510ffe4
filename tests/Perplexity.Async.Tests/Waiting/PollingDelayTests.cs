using System.Globalization;
using System.Net.Http.Headers;
using System.Threading;
using Perplexity.Async.Tests.TestSupport;
using Polly;

namespace Perplexity.Async.Tests.Waiting;

/// <summary>The delay sequence, read from the fake clock at which each request arrived.</summary>
public sealed class PollingDelayTests : PollingTestBase
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public async Task WaitForCompletionAsync_JitterOff_DelaysDoubleFromOneSecondAndCapAtFifteen()
    {
        Handler.Then("IN_PROGRESS", times: 8).ThenCompleted();

        await Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(), CancellationToken.None));

        Handler.Delays.ShouldBe([S(1), S(2), S(4), S(8), S(15), S(15), S(15), S(15)]);
    }

    [Theory]
    [InlineData(PollingBackoffType.Constant, new[] { 2.0, 2, 2, 2 })]
    [InlineData(PollingBackoffType.Linear, new[] { 2.0, 4, 6, 7 })]
    [InlineData(PollingBackoffType.Exponential, new[] { 2.0, 4, 7, 7 })]
    public async Task WaitForCompletionAsync_BackoffType_ShapesTheDelays(PollingBackoffType type, double[] expectedSeconds)
    {
        Handler.Then("IN_PROGRESS", times: 4).ThenCompleted();
        var polling = Exact(p =>
        {
            p.BackoffType = type;
            p.InitialDelay = S(2);
            p.MaxDelay = S(7);
        });

        await Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, polling, CancellationToken.None));

        Handler.Delays.ShouldBe(expectedSeconds.Select(S).ToList());
    }

    [Fact]
    public async Task WaitForCompletionAsync_JitterOn_DelaysVaryStayPositiveAndNeverExceedTheCap()
    {
        Handler.Then("IN_PROGRESS", times: 30).ThenCompleted();

        await Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, new PollingOptions(), CancellationToken.None));

        var delays = Handler.Delays;
        delays.Count.ShouldBe(30);
        delays.ShouldAllBe(d => d > TimeSpan.Zero && d <= S(15));
        delays.Distinct().Count().ShouldBeGreaterThan(1);
        delays.Take(4).ShouldNotBe([S(1), S(2), S(4), S(8)]);
    }

    [Fact]
    public async Task WaitForCompletionAsync_JitterWithAFixedRandomizer_RepeatsTheSameDelays()
    {
        static PollingOptions Seeded() => new() { Randomizer = () => 0.3 };
        Handler.Then("IN_PROGRESS", times: 6).ThenCompleted().Then("IN_PROGRESS", times: 6).ThenCompleted();
        var sut = CreateSut().Sonar;

        await Clock.DriveAsync(sut.WaitForCompletionAsync(Api.JobId, Seeded(), CancellationToken.None));
        var first = Handler.Delays.ToList();
        await Clock.DriveAsync(sut.WaitForCompletionAsync(Api.JobId, Seeded(), CancellationToken.None));

        var second = Handler.Delays.Skip(first.Count + 1).ToList();
        second.ShouldBe(first);
        first.ShouldNotBe([S(1), S(2), S(4), S(8), S(15), S(15)]);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task WaitForCompletionAsync_RetryAfterSecondsLongerThanBackoff_SetsTheNextDelay(int status)
    {
        Handler.Then("IN_PROGRESS").ThenError(status, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(S(30))).ThenCompleted();

        await Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(), CancellationToken.None));

        Handler.Delays.ShouldBe([S(1), S(30)]);
    }

    [Fact]
    public async Task WaitForCompletionAsync_RetryAfterHttpDate_SetsTheNextDelay()
    {
        var retryAt = TestClock.Epoch + S(21);
        Handler.Then("IN_PROGRESS").ThenError(429, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(retryAt)).ThenCompleted();

        await Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(), CancellationToken.None));

        // The 429 arrives 1 s in, so the date asks for 20 more seconds; the next poll is at exactly that date.
        Handler.Delays.ShouldBe([S(1), S(20)]);
        Handler.Requests[^1].At.ShouldBe(retryAt);
    }

    [Fact]
    public async Task WaitForCompletionAsync_RetryAfterMilliseconds_SetsTheNextDelay()
    {
        Handler.ThenError(429, r => r.Headers.TryAddWithoutValidation("retry-after-ms", "4500")).ThenCompleted();

        await Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(), CancellationToken.None));

        Handler.Delays.ShouldBe([S(4.5)]);
    }

    [Fact]
    public async Task WaitForCompletionAsync_RetryAfterShorterThanBackoff_KeepsTheBackoff()
    {
        Handler.Then("IN_PROGRESS", times: 3).ThenError(503, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(S(1))).ThenCompleted();

        await Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(), CancellationToken.None));

        Handler.Delays.ShouldBe([S(1), S(2), S(4), S(8)]);
    }

    [Fact]
    public async Task WaitForCompletionAsync_RetryAfterBeyondOneMinute_IsCutToOneMinute()
    {
        Handler.ThenError(429, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromHours(2))).ThenCompleted();

        await Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(), CancellationToken.None));

        Handler.Delays.ShouldBe([Perplexity.Async.Waiting.PollingDefaults.MaxRetryAfter]);
    }

    [Fact]
    public async Task WaitForCompletionAsync_TransientFailure_ContinuesTheSameBackoff()
    {
        Handler.Then("IN_PROGRESS", times: 2).ThenError(500).ThenNetworkError().Then("IN_PROGRESS").ThenCompleted();

        await Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(Api.JobId, Exact(), CancellationToken.None));

        Handler.Delays.ShouldBe([S(1), S(2), S(4), S(8), S(15)]);
    }

    [Fact]
    public void RetryAfterHttpDate_Format_IsTheOneServersSend()
    {
        // Guards the HTTP-date test above: the header really is sent as an RFC 1123 date.
        var response = Api.Error(429);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TestClock.Epoch + S(20));

        response.Headers.GetValues("Retry-After").Single().ShouldBe(
            (TestClock.Epoch + S(20)).ToString("r", CultureInfo.InvariantCulture));
    }
}
