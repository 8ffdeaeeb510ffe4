using System.Net;
using System.Net.Http;
using System.Threading;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Agent;

/// <summary>
/// The Agent API has no idempotency key: a create is retried only when it provably never reached the server or was
/// refused with 429; one that may have been received is never sent again and says the run may exist.
/// </summary>
public sealed class AgentCreateSafetyTests : IDisposable
{
    private readonly AgentClientHarness _h = new();

    [Fact]
    public async Task CreateAsync_ConnectionRefused_IsRetriedAndStartsOneRun()
    {
        _h.Emulator.Faults.Next(1, HttpMethod.Post).FailConnection();

        var run = await _h.DriveAsync(_h.Agent.CreateAsync(AgentClientHarness.Fast(), CancellationToken.None));

        run.Status.ShouldBe(AgentResponseStatus.Queued);
        _h.Emulator.Requests.Count(r => r.Method == HttpMethod.Post).ShouldBe(2);
        _h.Emulator.AgentRuns.Count.ShouldBe(1);
    }

    [Fact]
    public async Task CreateAsync_RateLimited_WaitsTheRetryAfterAndIsRetried()
    {
        _h.Emulator.Faults.Next(1, HttpMethod.Post).RespondWith(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(2));

        await _h.DriveAsync(_h.Agent.CreateAsync(AgentClientHarness.Fast(), CancellationToken.None));

        var posts = _h.Emulator.Requests.Where(r => r.Method == HttpMethod.Post).ToList();
        posts.Count.ShouldBe(2);
        (posts[1].ReceivedAt - posts[0].ReceivedAt).ShouldBe(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task CreateAsync_TimesOut_IsNotRetriedAndSaysTheRunMayExist()
    {
        _h.Emulator.Faults.Next(1, HttpMethod.Post).TimeOut();

        var ex = await Should.ThrowAsync<PerplexityCreateOutcomeUnknownException>(
            _h.DriveAsync(_h.Agent.CreateAsync(AgentClientHarness.Fast(), CancellationToken.None)));

        ex.InnerException.ShouldBeOfType<PerplexityTimeoutException>();
        ex.Message.ShouldContain("may have started a run");
        ex.Message.ShouldContain("id is unknown");
        _h.Emulator.Requests.Count(r => r.Method == HttpMethod.Post).ShouldBe(1);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task CreateAsync_ServerErrorOrRequestTimeout_IsNotRetriedAndSaysTheRunMayExist(HttpStatusCode status)
    {
        _h.Emulator.Faults.Next(1, HttpMethod.Post).RespondWith(status);

        var ex = await Should.ThrowAsync<PerplexityCreateOutcomeUnknownException>(
            _h.DriveAsync(_h.Agent.CreateAsync(AgentClientHarness.Fast(), CancellationToken.None)));

        ex.InnerException.ShouldBeAssignableTo<PerplexityApiException>()!.StatusCode.ShouldBe(status);
        _h.Emulator.Requests.Count(r => r.Method == HttpMethod.Post).ShouldBe(1);
    }

    [Fact]
    public async Task CreateAsync_SuccessWhoseBodyIsNotJson_SaysTheRunMayExist()
    {
        _h.Emulator.Faults.Next(1, HttpMethod.Post).RespondWith(HttpStatusCode.OK, body: "<html>gateway</html>", mediaType: "text/html");

        var ex = await Should.ThrowAsync<PerplexityCreateOutcomeUnknownException>(
            _h.DriveAsync(_h.Agent.CreateAsync(AgentClientHarness.Fast(), CancellationToken.None)));

        ex.InnerException.ShouldBeOfType<PerplexityProtocolException>();
    }

    [Fact]
    public async Task CreateAsync_ConnectionBrokenAfterSending_IsNotRetried()
    {
        var clock = new TestClock();
        var handler = new ScriptedHandler(clock).ThenNetworkError();
        using var client = new PerplexityAsyncClient(
            new HttpClient(handler),
            new PerplexityAsyncClientOptions { ApiKey = "pplx-test", BaseAddress = new Uri("https://api.test/"), TimeProvider = clock, RequestTimeout = null });

        var ex = await Should.ThrowAsync<PerplexityCreateOutcomeUnknownException>(
            clock.DriveAsync(client.Agent.CreateAsync(AgentClientHarness.Fast(), CancellationToken.None)));

        ex.InnerException.ShouldBeOfType<PerplexityConnectionException>().NotSent.ShouldBeFalse();
        handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task CreateAsync_RefusedWithA400_IsTheApisErrorNotAnUnknownOutcome()
    {
        _h.Emulator.Faults.Next(1, HttpMethod.Post).RespondWith(
            HttpStatusCode.BadRequest,
            body: """{"error":{"message":"invalid request body: json: unknown field \"colour\"","type":"invalid_request","code":400,"param":"colour"}}""");

        var ex = await Should.ThrowAsync<PerplexityBadRequestException>(
            _h.DriveAsync(_h.Agent.CreateAsync(AgentClientHarness.Fast(), CancellationToken.None)));

        ex.Details.ErrorParam.ShouldBe("colour");
        ex.ErrorCode.ShouldBe("400");
        ex.Message.ShouldContain("param 'colour'");
    }

    [Fact]
    public async Task GetAsync_RateLimited_ExposesTheRateLimitHeaders()
    {
        var run = _h.Emulator.AddAgentRun("Why?", "fast");
        _h.Emulator.Faults.Next(3, HttpMethod.Get).RespondWith(HttpStatusCode.TooManyRequests);

        var ex = await Should.ThrowAsync<PerplexityRateLimitException>(_h.DriveAsync(_h.Agent.GetAsync(run.Id, CancellationToken.None)));

        var limit = ex.Details.RateLimit.ShouldNotBeNull();
        limit.Limit.ShouldBe(50);
        limit.ResetAt.ShouldNotBeNull();
        ex.ErrorType.ShouldBe("request_rate_limit_exceeded");
    }

    [Fact]
    public async Task LegacyRoute_Retired_ThrowsEndpointRetiredPointingToTheAgentApi()
    {
        using var h = new AgentClientHarness(emulator: o => o.RetireLegacyRoutes = true);

        var ex = await Should.ThrowAsync<PerplexityEndpointRetiredException>(
            h.DriveAsync(h.Client.ChatCompletions.GetAsync("job-1", CancellationToken.None)));

        ex.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        ex.ErrorType.ShouldBe("chat_completions_not_available");
        ex.Message.ShouldContain("client.Agent");
        ex.Message.ShouldContain(PerplexityEndpointRetiredException.MigrationGuide.ToString());
        ex.ShouldBeAssignableTo<PerplexityApiException>();
    }

    [Fact]
    public async Task LegacyWait_Retired_EndsAtOnceWithoutRetrying()
    {
        using var h = new AgentClientHarness(emulator: o => o.RetireLegacyRoutes = true);

        await Should.ThrowAsync<PerplexityEndpointRetiredException>(
            h.DriveAsync(h.Client.Sonar.WaitForCompletionAsync("job-1", new PollingOptions { UseJitter = false }, CancellationToken.None)));

        h.Emulator.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task RetiredRoute_ShouldRetryTrue_IsStillNotRetried()
    {
        var clock = new TestClock();
        var handler = new ScriptedHandler(clock).ThenError(403, r =>
        {
            r.Content = new StringContent("""{"error":{"message":"Sonar is now the Agent API.","type":"chat_completions_not_available","code":403}}""", System.Text.Encoding.UTF8, "application/json");
            r.Headers.TryAddWithoutValidation("x-should-retry", "true");
        });
        using var client = new PerplexityAsyncClient(
            new HttpClient(handler),
            new PerplexityAsyncClientOptions { ApiKey = "pplx-test", BaseAddress = new Uri("https://api.test/"), TimeProvider = clock, RequestTimeout = null });

        await Should.ThrowAsync<PerplexityEndpointRetiredException>(
            clock.DriveAsync(client.Sonar.WaitForCompletionAsync("job-1", new PollingOptions { UseJitter = false }, CancellationToken.None)));

        handler.Requests.Count.ShouldBe(1);
    }

    public void Dispose() => _h.Dispose();
}
