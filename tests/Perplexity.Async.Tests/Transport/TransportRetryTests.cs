using System.Globalization;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using Perplexity.Async.Serialization;
using Perplexity.Async.Tests.TestSupport;
using Perplexity.Async.Errors;
using Perplexity.Async.Transport;

namespace Perplexity.Async.Tests.Transport;

public sealed class TransportRetryTests(WireMockFixture fixture) : RetryTestBase(fixture)
{
    private static readonly TimeSpan Ms500 = TimeSpan.FromMilliseconds(500);

    private static ChatCompletionRequest NewRequest() => new() { Model = "sonar", Messages = [ChatRequestMessage.User("q")] };

    [Fact]
    public async Task GetAsync_503Twice_RetriesWithExponentialBackoffAndReturnsJob()
    {
        Script("GET", JobPath, Error(503), Error(503), Ok());
        var client = CreateSut();

        var job = await DriveAsync(client.Sonar.GetAsync(JobId));

        job.Id.ShouldBe(JobId);
        Handler.Offsets.ShouldBe([TimeSpan.Zero, Ms500, Ms500 * 3]);
    }

    [Fact]
    public async Task GetAsync_429WithRetryAfterSeconds_WaitsWhatServerAsked()
    {
        Script("GET", JobPath, Error(429, ("Retry-After", "3")), Ok());
        var client = CreateSut();

        await DriveAsync(client.Sonar.GetAsync(JobId));

        Handler.Offsets.ShouldBe([TimeSpan.Zero, TimeSpan.FromSeconds(3)]);
    }

    [Fact]
    public async Task GetAsync_RetryAfterMs_WinsOverRetryAfter()
    {
        Script("GET", JobPath, Error(429, ("retry-after-ms", "1250"), ("Retry-After", "10")), Ok());
        var client = CreateSut();

        await DriveAsync(client.Sonar.GetAsync(JobId));

        Handler.Offsets.ShouldBe([TimeSpan.Zero, TimeSpan.FromMilliseconds(1250)]);
    }

    [Fact]
    public async Task GetAsync_RetryAfterHttpDate_WaitsUntilThatDate()
    {
        var date = (TestClock.Epoch + TimeSpan.FromSeconds(7)).ToString("R", CultureInfo.InvariantCulture);
        Script("GET", JobPath, Error(503, ("Retry-After", date)), Ok());
        var client = CreateSut();

        await DriveAsync(client.Sonar.GetAsync(JobId));

        Handler.Offsets.ShouldBe([TimeSpan.Zero, TimeSpan.FromSeconds(7)]);
    }

    [Fact]
    public async Task GetAsync_RetryAfterOfSixtySeconds_IsObeyed()
    {
        Script("GET", JobPath, Error(429, ("Retry-After", "60")), Ok());
        var client = CreateSut();

        await DriveAsync(client.Sonar.GetAsync(JobId));

        Handler.Offsets.ShouldBe([TimeSpan.Zero, TimeSpan.FromSeconds(60)]);
    }

    [Theory]
    [InlineData("Retry-After", "soon")]
    [InlineData("retry-after-ms", "-5")]
    public async Task GetAsync_RetryAfterInvalid_FallsBackToBackoff(string header, string value)
    {
        Script("GET", JobPath, Error(429, (header, value)), Ok());
        var client = CreateSut();

        await DriveAsync(client.Sonar.GetAsync(JobId));

        Handler.Offsets.ShouldBe([TimeSpan.Zero, Ms500]);
    }

    [Theory]
    [InlineData("Retry-After", "61")]
    [InlineData("retry-after-ms", "120000")]
    public async Task GetAsync_RetryAfterOverSixtySeconds_WaitsSixtySecondsAsWaitsDo(string header, string value)
    {
        // One Retry-After rule for retries and waits: the pause is max(Retry-After, backoff), the server's wish cut to 60 s.
        Script("GET", JobPath, Error(429, (header, value)), Ok());
        var client = CreateSut();

        await DriveAsync(client.Sonar.GetAsync(JobId));

        Handler.Offsets.ShouldBe([TimeSpan.Zero, TimeSpan.FromSeconds(60)]);
    }

    [Theory]
    [InlineData(600)]
    [InlineData(999)]
    public async Task GetAsync_StatusFromSixHundredUp_IsNotAServerErrorAndIsNotRetried(int status)
    {
        Script("GET", JobPath, Error(status), Ok());
        var client = CreateSut();

        var ex = await DriveToFailureAsync<PerplexityApiException>(client.Sonar.GetAsync(JobId));

        ex.ShouldNotBeOfType<PerplexityServerException>();
        ((int)ex.StatusCode).ShouldBe(status);
        Handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetAsync_RetriesExhausted_ThrowsLastErrorAfterThreeAttempts()
    {
        Script("GET", JobPath, Error(503));
        var client = CreateSut();

        var ex = await DriveToFailureAsync<PerplexityServerException>(client.Sonar.GetAsync(JobId));

        ex.StatusCode.ShouldBe(System.Net.HttpStatusCode.ServiceUnavailable);
        Handler.Requests.Count.ShouldBe(3);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(409)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task GetAsync_TransientStatus_IsRetried(int status)
    {
        Script("GET", JobPath, Error(status), Ok());
        var client = CreateSut();

        await DriveAsync(client.Sonar.GetAsync(JobId));

        Handler.Requests.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(422)]
    public async Task GetAsync_NonTransientStatus_IsNotRetried(int status)
    {
        Script("GET", JobPath, Error(status), Ok());
        var client = CreateSut();

        var ex = await DriveToFailureAsync<PerplexityApiException>(client.Sonar.GetAsync(JobId));

        ((int)ex.StatusCode).ShouldBe(status);
        Handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetAsync_ShouldRetryFalseOn503_IsNotRetried()
    {
        Script("GET", JobPath, Error(503, ("x-should-retry", "false")), Ok());
        var client = CreateSut();

        await DriveToFailureAsync<PerplexityServerException>(client.Sonar.GetAsync(JobId));

        Handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetAsync_ShouldRetryTrueOn400_IsRetried()
    {
        Script("GET", JobPath, Error(400, ("x-should-retry", "true")), Ok());
        var client = CreateSut();

        await DriveAsync(client.Sonar.GetAsync(JobId));

        Handler.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task GetAsync_ConnectionReset_IsRetried()
    {
        Script("GET", JobPath, Ok());
        Handler.ThenReset();
        var client = CreateSut();

        var job = await DriveAsync(client.Sonar.GetAsync(JobId));

        job.Id.ShouldBe(JobId);
        Handler.Offsets.ShouldBe([TimeSpan.Zero, Ms500]);
    }

    [Fact]
    public async Task GetAsync_ConnectionResetEveryTime_ThrowsConnectionException()
    {
        Handler.ThenReset().ThenReset().ThenReset();
        var client = CreateSut();

        await DriveToFailureAsync<PerplexityConnectionException>(client.Sonar.GetAsync(JobId));

        Handler.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task GetAsync_MaxRetriesZero_SendsOnce()
    {
        Script("GET", JobPath, Error(503), Ok());
        var client = CreateSut(o => o.MaxRetries = 0);

        await DriveToFailureAsync<PerplexityServerException>(client.Sonar.GetAsync(JobId));

        Handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetAsync_FiveRetries_DelaysDoubleFromHalfSecondAndCapAtEight()
    {
        Script("GET", JobPath, Error(500), Error(500), Error(500), Error(500), Error(500), Ok());
        var client = CreateSut(o => o.MaxRetries = 5);

        await DriveAsync(client.Sonar.GetAsync(JobId));

        Gaps().ShouldBe(new[] { 0.5, 1, 2, 4, 8 }.Select(TimeSpan.FromSeconds).ToList());
    }

    [Fact]
    public async Task GetAsync_WithJitter_EveryDelayIsPositiveAndAtMostEightSeconds()
    {
        Script("GET", JobPath, Error(500));
        var client = CreateSut(o =>
        {
            o.MaxRetries = 8;
            o.UseRetryJitter = true;
        });

        await DriveToFailureAsync<PerplexityServerException>(client.Sonar.GetAsync(JobId));

        var gaps = Gaps();
        gaps.Count.ShouldBe(8);
        gaps.ShouldAllBe(g => g > TimeSpan.Zero && g <= TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task GetAsync_SuccessWithShouldRetryTrue_IsNotRetried()
    {
        Script("GET", JobPath, Ok().WithHeader("x-should-retry", "true"));
        var client = CreateSut();

        await DriveAsync(client.Sonar.GetAsync(JobId));

        Handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task CreateAsync_RetriedAfter503AndReset_SendsIdenticalBodyAndKeyEveryTime()
    {
        Script("POST", CreatePath, Error(503), Ok());
        Handler.ThenServer().ThenReset();
        var client = CreateSut();

        var job = await DriveAsync(client.Sonar.CreateAsync(NewRequest()));

        job.Status.ShouldBe(AsyncProcessingStatus.Created);
        var bodies = Handler.Requests.Select(r => r.Body!).ToList();
        bodies.Count.ShouldBe(3);
        bodies.Distinct().ShouldHaveSingleItem();
        JsonNode.Parse(bodies[0])!["idempotency_key"]!.GetValue<string>().ShouldMatch("^[0-9a-f]{32}$");
        Handler.Offsets.ShouldBe([TimeSpan.Zero, Ms500, Ms500 * 3]);
    }

    [Fact]
    public async Task CreateAsync_CallerKey_IsKeptAcrossRetries()
    {
        Script("POST", "/async/chat/completions", Error(429, ("Retry-After", "2")), Ok());
        var client = CreateSut();

        await DriveAsync(client.ChatCompletions.CreateAsync(NewRequest(), new AsyncCreateOptions { IdempotencyKey = "mine" }));

        Handler.Requests.Select(r => JsonNode.Parse(r.Body!)!["idempotency_key"]!.GetValue<string>()).ShouldBe(["mine", "mine"]);
        Handler.Offsets.ShouldBe([TimeSpan.Zero, TimeSpan.FromSeconds(2)]);
    }

    [Fact]
    public async Task SendAsync_PostWithoutIdempotencyKey_IsNotRetried()
    {
        Script("POST", CreatePath, Error(503), Ok());
        var options = new PerplexityAsyncClientOptions { ApiKey = WireMockTestBase.ApiKey, BaseAddress = new Uri(Server.Url!), TimeProvider = Clock };
        using var httpClient = new HttpClient(Handler, disposeHandler: false);
        var transport = new PerplexityTransport(httpClient, new ClientSettings(options));
        var request = new PerplexityRequest(HttpMethod.Post, "v1/async/sonar") { Body = "{}"u8.ToArray() };

        var send = transport.SendAsync(request, PerplexityJsonContext.Default.AsyncApiChatCompletionsResponse, CancellationToken.None);
        await DriveToFailureAsync<PerplexityServerException>(send);

        request.IsRetrySafe.ShouldBeFalse();
        Handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetAsync_RetriedResponses_AreDisposedBeforeNextAttempt()
    {
        Script("GET", JobPath, Error(503), Error(429), Ok());
        var client = CreateSut();

        await DriveAsync(client.Sonar.GetAsync(JobId));

        Handler.Requests.Select(r => r.EarlierResponsesDisposed).ShouldBe([true, true, true]);
        Handler.Contents.Count.ShouldBe(3);
        Handler.Contents.ShouldAllBe(c => c.IsDisposed);
    }

    [Fact]
    public async Task GetAsync_FirstAttemptTimesOut_RetriesAndReturnsJob()
    {
        Script("GET", JobPath, Ok());
        Handler.ThenHang();
        var client = CreateSut(o => o.AttemptTimeout = TimeSpan.FromSeconds(2));

        var task = client.Sonar.GetAsync(JobId);
        await Handler.WaitForRequestsAsync(1);
        Clock.Advance(TimeSpan.FromSeconds(2));
        var job = await Clock.DriveAsync(task);

        job.Id.ShouldBe(JobId);
        Handler.Offsets.ShouldBe([TimeSpan.Zero, TimeSpan.FromSeconds(2.5)]);
    }

    [Fact]
    public async Task GetAsync_EveryAttemptTimesOut_ThrowsTimeoutExceptionNamingAttemptTimeout()
    {
        Handler.ThenHang().ThenHang();
        var client = CreateSut(o =>
        {
            o.MaxRetries = 1;
            o.AttemptTimeout = TimeSpan.FromSeconds(2);
        });

        var task = client.Sonar.GetAsync(JobId);
        await Handler.WaitForRequestsAsync(1);
        Clock.Advance(TimeSpan.FromSeconds(2));
        await Clock.WaitUntilSettledAsync(task);
        Clock.Advance(Ms500);
        await Handler.WaitForRequestsAsync(2);
        Clock.Advance(TimeSpan.FromSeconds(2));

        var ex = await Should.ThrowAsync<PerplexityTimeoutException>(task);
        ex.Timeout.ShouldBe(TimeSpan.FromSeconds(2));
        ex.Message.ShouldContain("AttemptTimeout");
        ex.Message.ShouldContain("after 1 retry");
        Handler.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task GetAsync_RequestTimeoutDuringBackoff_ThrowsTimeoutExceptionNamingRequestTimeout()
    {
        Script("GET", JobPath, Error(429, ("Retry-After", "30")), Ok());
        var client = CreateSut(o => o.RequestTimeout = TimeSpan.FromSeconds(10));

        var ex = await DriveToFailureAsync<PerplexityTimeoutException>(client.Sonar.GetAsync(JobId));

        ex.Timeout.ShouldBe(TimeSpan.FromSeconds(10));
        ex.Message.ShouldContain("RequestTimeout");
        Clock.Elapsed.ShouldBe(TimeSpan.FromSeconds(10));
        Handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetAsync_CancelledDuringBackoff_ThrowsOperationCanceledAndSendsNoMore()
    {
        Script("GET", JobPath, Error(429, ("Retry-After", "30")), Ok());
        var client = CreateSut();
        using var cts = new CancellationTokenSource();

        var task = client.Sonar.GetAsync(JobId, cts.Token);
        await Handler.WaitForRequestsAsync(1);
        await Clock.WaitUntilSettledAsync(task);
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(task);
        Handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetAsync_Retried_LogsRetryScheduledWithAttemptDelayAndReason()
    {
        Script("GET", JobPath, Error(503), Error(429, ("Retry-After", "2")), Ok());
        var logs = new CapturingLoggerProvider();
        var client = CreateSut(o => o.LoggerFactory = logs);

        await DriveAsync(client.Sonar.GetAsync(JobId));

        var retries = logs.Entries.Where(e => e.EventId.Id == 1006).ToList();
        retries.Select(e => (e["Attempt"], e["DelayMilliseconds"], e["Reason"]))
            .ShouldBe([(2, 500d, "status 503"), (3, 2000d, "status 429")]);
        retries[0]["RouteTemplate"].ShouldBe("v1/async/sonar/{api_request}");
        retries[0]["RequestId"].ShouldBe(JobId);
    }

    [Fact]
    public async Task WaitForCompletionAsync_PollFails_IsRetriedByTheWaitNotByTheTransport()
    {
        Script("GET", JobPath, Error(503), Ok("deep-research-completed.json"));
        var client = CreateSut(NoRequestTimeout);

        var job = await DriveAsync(client.Sonar.WaitForCompletionAsync(JobId, new PollingOptions { UseJitter = false }, CancellationToken.None));

        job.Status.ShouldBe(AsyncProcessingStatus.Completed);
        Handler.Requests.Count.ShouldBe(2);
        Handler.Offsets[1].ShouldBe(TimeSpan.FromSeconds(1), "the wait's first delay (1 s), not the transport's (0.5 s)");
    }

    [Fact]
    public async Task GetAsync_AfterAWait_IsRetriedAgain()
    {
        Script("GET", JobPath, Ok("deep-research-completed.json"));
        var client = CreateSut(NoRequestTimeout);
        await DriveAsync(client.Sonar.WaitForCompletionAsync(JobId, CancellationToken.None));
        Server.Reset();
        Script("GET", JobPath, Error(503), Ok());

        await Clock.DriveAsync(client.Sonar.GetAsync(JobId));

        Handler.Requests.Count.ShouldBe(3);
    }

    // A poll starts on the clock's timer thread and first makes its request-timeout timer, which the clock could take
    // for the next delay (and skip 15 minutes); wait tests turn that timeout off.
    private static void NoRequestTimeout(PerplexityAsyncClientOptions options) => options.RequestTimeout = null;

    private List<TimeSpan> Gaps()
    {
        var offsets = Handler.Offsets;
        return offsets.Skip(1).Select((o, i) => o - offsets[i]).ToList();
    }
}
