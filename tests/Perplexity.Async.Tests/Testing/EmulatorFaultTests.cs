using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Threading;

namespace Perplexity.Async.Tests.Testing;

public sealed class EmulatorFaultTests : IDisposable
{
    private readonly EmulatorHarness _harness = new();

    [Fact]
    public async Task RespondWith429_AnswersTheStatusRetryAfterAndErrorBody()
    {
        _harness.Emulator.Faults.Next(1).RespondWith((HttpStatusCode)429, retryAfter: TimeSpan.FromSeconds(2.5));

        using var response = await _harness.Http.GetAsync(EmulatorHarness.Sonar);

        response.StatusCode.ShouldBe((HttpStatusCode)429);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(3));
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        error["type"]!.GetValue<string>().ShouldBe("rate_limit_exceeded");
        error["code"]!.GetValue<int>().ShouldBe(429);
    }

    [Fact]
    public async Task RespondWith500_AnswersAServerErrorBody()
    {
        _harness.Emulator.Faults.Next(1).RespondWith(HttpStatusCode.InternalServerError);

        using var response = await _harness.Http.GetAsync(EmulatorHarness.Sonar);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Headers.RetryAfter.ShouldBeNull();
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["type"]!.GetValue<string>().ShouldBe("server_error");
    }

    [Fact]
    public async Task RespondWith_ACustomBody_SendsItWithItsMediaType()
    {
        _harness.Emulator.Faults.Next(1).RespondWith(HttpStatusCode.BadGateway, body: "<html>502 Bad Gateway</html>", mediaType: "text/html");

        using var response = await _harness.Http.GetAsync(EmulatorHarness.Sonar);

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync()).ShouldBe("<html>502 Bad Gateway</html>");
    }

    [Fact]
    public async Task Next_HitsExactlyThatManyRequestsInQueueOrder()
    {
        _harness.Emulator.Faults
            .Next(2).RespondWith((HttpStatusCode)429)
            .Next(1).RespondWith(HttpStatusCode.ServiceUnavailable);
        _harness.Emulator.Faults.Pending.ShouldBe(3);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await _harness.Http.GetAsync(EmulatorHarness.Sonar);
            statuses.Add(response.StatusCode);
        }

        statuses.ShouldBe([(HttpStatusCode)429, (HttpStatusCode)429, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK]);
        _harness.Emulator.Faults.Pending.ShouldBe(0);
    }

    [Fact]
    public async Task Next_WithAMethod_SparesOtherMethods()
    {
        _harness.Emulator.Faults.Next(1, HttpMethod.Get).RespondWith(HttpStatusCode.InternalServerError);

        var created = await _harness.CreateAsync(EmulatorHarness.Sonar, "q");
        var (status, _) = await _harness.SendAsync(HttpMethod.Get, $"{EmulatorHarness.Sonar}/{created["id"]}");

        status.ShouldBe(HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task Faults_ComeBeforeTheAuthorizationCheck()
    {
        _harness.Emulator.Faults.Next(1).RespondWith(HttpStatusCode.InternalServerError);
        using var anonymous = _harness.Emulator.CreateHttpClient();

        using var response = await anonymous.GetAsync(EmulatorHarness.Sonar);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task TimeOut_ThrowsWhatHttpClientThrowsOnItsTimeout()
    {
        _harness.Emulator.Faults.Next(1).TimeOut();

        // Shouldly's ThrowAsync re-creates the exception of a cancelled task, so catch it directly.
        TaskCanceledException? ex = null;
        try
        {
            await _harness.Http.GetAsync(EmulatorHarness.Sonar);
        }
        catch (TaskCanceledException caught)
        {
            ex = caught;
        }

        ex.ShouldNotBeNull().InnerException.ShouldBeOfType<TimeoutException>();
        _harness.Emulator.Requests.ShouldHaveSingleItem().StatusCode.ShouldBeNull();
    }

    [Fact]
    public async Task FailConnection_ThrowsHttpRequestException()
    {
        _harness.Emulator.Faults.Next(1).FailConnection();

        var ex = await Should.ThrowAsync<HttpRequestException>(() => _harness.Http.GetAsync(EmulatorHarness.Sonar));

        ex.InnerException.ShouldBeOfType<SocketException>().SocketErrorCode.ShouldBe(SocketError.ConnectionRefused);
    }

    [Fact]
    public async Task Hang_EndsOnlyWhenCancelled()
    {
        _harness.Emulator.Faults.Next(1).Hang();
        using var cts = new CancellationTokenSource();

        var request = _harness.Http.GetAsync(EmulatorHarness.Sonar, cts.Token);
        _harness.Time.Advance(TimeSpan.FromDays(1));
        await Task.Yield();
        request.IsCompleted.ShouldBeFalse();
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => request);
    }

    [Fact]
    public async Task RespondAfter_AnswersNormallyOnceTheEmulatorClockHasMoved()
    {
        var job = _harness.Emulator.AddJob("q");
        _harness.Emulator.Faults.Next(1).RespondAfter(TimeSpan.FromSeconds(10));

        var request = _harness.Http.GetAsync($"{EmulatorHarness.Sonar}/{job.Id}");
        _harness.Time.Advance(TimeSpan.FromSeconds(9));
        await Task.Yield();
        request.IsCompleted.ShouldBeFalse();
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        using var response = await request;

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!.GetValue<string>().ShouldBe("COMPLETED");
    }

    [Fact]
    public async Task SdkGet_OnRepeated429_ThrowsRateLimitExceptionWithRetryAfter()
    {
        using var client = CreateSdkClient();
        var job = _harness.Emulator.AddJob("q");
        _harness.Emulator.Faults.Next(100).RespondWith((HttpStatusCode)429, retryAfter: TimeSpan.FromSeconds(7));

        var ex = await Should.ThrowAsync<PerplexityRateLimitException>(() => AdvanceUntilDone(client.Sonar.GetAsync(job.Id)));

        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
        ex.ErrorType.ShouldBe("rate_limit_exceeded");
    }

    [Fact]
    public async Task SdkGet_OnRepeated500_ThrowsServerException()
    {
        using var client = CreateSdkClient();
        var job = _harness.Emulator.AddJob("q");
        _harness.Emulator.Faults.Next(100).RespondWith(HttpStatusCode.InternalServerError);

        await Should.ThrowAsync<PerplexityServerException>(() => AdvanceUntilDone(client.ChatCompletions.GetAsync(job.Id)));
    }

    [Fact]
    public async Task SdkGet_OnRepeatedTimeouts_ThrowsTimeoutException()
    {
        using var client = CreateSdkClient();
        var job = _harness.Emulator.AddJob("q");
        _harness.Emulator.Faults.Next(100).TimeOut();

        await Should.ThrowAsync<PerplexityTimeoutException>(() => AdvanceUntilDone(client.Sonar.GetAsync(job.Id)));
    }

    [Fact]
    public async Task SdkGet_OnRepeatedConnectionFailures_ThrowsConnectionException()
    {
        using var client = CreateSdkClient();
        var job = _harness.Emulator.AddJob("q");
        _harness.Emulator.Faults.Next(100).FailConnection();

        await Should.ThrowAsync<PerplexityConnectionException>(() => AdvanceUntilDone(client.Sonar.GetAsync(job.Id)));
    }

    [Fact]
    public void Clear_RemovesQueuedFaults()
    {
        _harness.Emulator.Faults.Next(3).Hang();

        _harness.Emulator.Faults.Clear();

        _harness.Emulator.Faults.Pending.ShouldBe(0);
    }

    [Fact]
    public void Builders_RejectBadArguments()
    {
        var faults = _harness.Emulator.Faults;

        Should.Throw<ArgumentOutOfRangeException>(() => faults.Next(0));
        Should.Throw<ArgumentOutOfRangeException>(() => faults.Next(1).RespondWith(HttpStatusCode.OK, retryAfter: TimeSpan.FromSeconds(-1)));
        Should.Throw<ArgumentException>(() => faults.Next(1).RespondWith(HttpStatusCode.OK, mediaType: " "));
        Should.Throw<ArgumentOutOfRangeException>(() => faults.Next(1).RespondAfter(TimeSpan.FromSeconds(-1)));
        faults.Pending.ShouldBe(0);
    }

    /// <summary>Advances the fake clock until the task ends, so any retry delays the SDK adds elapse.</summary>
    // AdvanceUntilDone moves the clock faster than a loaded machine runs the SDK's retries, so the 15-minute request
    // timeout (on the same fake clock) could end a call before its faults do; here only the faults should.
    private PerplexityAsyncClient CreateSdkClient() =>
        _harness.Emulator.CreateClient(new PerplexityAsyncClientOptions
        {
            ApiKey = EmulatorHarness.ApiKey,
            BaseAddress = _harness.Emulator.BaseAddress,
            TimeProvider = _harness.Time,
            RequestTimeout = null,
        });

    // The SDK's retry delays are timers on this clock, and it may reach the next one on another thread after a burst
    // of advances: keep advancing until the call ends (a count-bounded loop could stop first and then wait forever).
    private async Task<T> AdvanceUntilDone<T>(Task<T> task)
    {
        var realTime = System.Diagnostics.Stopwatch.StartNew();
        while (!task.IsCompleted)
        {
            if (realTime.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("The SDK call did not end within 30 s of real time.");
            }

            _harness.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        return await task;
    }

    public void Dispose() => _harness.Dispose();
}
