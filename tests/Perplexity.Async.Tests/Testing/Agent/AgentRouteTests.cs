using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Perplexity.Async.Tests.Testing.Agent;

public sealed class AgentRouteTests : IDisposable
{
    private readonly AgentHarness _harness = new();

    [Theory]
    [InlineData("GET", "v1/agent", "POST")]
    [InlineData("PUT", "v1/responses", "POST")]
    [InlineData("DELETE", "v1/responses/resp_abc", "GET")]
    [InlineData("POST", "v1/agent/resp_abc", "GET")]
    [InlineData("GET", "v1/agent/resp_abc/cancel", "POST")]
    public async Task WrongMethod_Answers405WithAllow(string method, string path, string allow)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await _harness.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.ShouldBe([allow]);
        response.Headers.Contains("x-ratelimit-limit").ShouldBeTrue();
    }

    [Theory]
    [InlineData("v1/agent/abc")]
    [InlineData("v1/responses/resp_has%20space")]
    public async Task Get_MalformedId_Answers400InvalidResponseId(string path)
    {
        (await _harness.GetAsync(path)).ShouldBeError(HttpStatusCode.BadRequest, "invalid response id", "invalid_request");
    }

    [Theory]
    [InlineData("v1/agent/resp_d60f3e03-57e0-4048-994f-69b29a6d2ce7")]
    [InlineData("v1/responses/resp_d60f3e03-57e0-4048-994f-69b29a6d2ce7")]
    [InlineData("v1/agent/resp_abc/files")]
    public async Task Get_UnknownIdOrEndpoint_Answers404NotFound(string path)
    {
        (await _harness.GetAsync(path)).ShouldBeError(HttpStatusCode.NotFound, "resource not found", "not_found");
    }

    [Fact]
    public async Task MissingOrWrongKey_Answers401InvalidApiKeyInTheAgentEnvelope()
    {
        using var keyed = new AgentHarness(o => o.ApiKey = "pplx-right");
        using var anonymous = _harness.Emulator.CreateHttpClient();

        using var missing = await anonymous.PostAsync(AgentHarness.Agent, new StringContent(AgentHarness.Body().ToJsonString(), Encoding.UTF8, "application/json"));
        var wrong = await keyed.PostAsync(AgentHarness.Agent, AgentHarness.Body());

        missing.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await missing.Content.ReadAsStringAsync()).ShouldBe(
            """{"error":{"message":"Invalid API key provided. Ensure your API key is correct and active.","type":"invalid_api_key","code":401}}""");
        wrong.ShouldBeError(HttpStatusCode.Unauthorized, "Invalid API key provided. Ensure your API key is correct and active.", "invalid_api_key");
        keyed.Emulator.AgentRuns.ShouldBeEmpty();
    }

    [Fact]
    public async Task RateLimit_OverTheLimitInOneSecond_Answers429WithRetryAfterUntilTheWindowResets()
    {
        using var harness = new AgentHarness(o => o.AgentRateLimit = 2);
        var run = harness.Emulator.AddAgentRun("q");
        var path = $"{AgentHarness.Responses}/{run.Id}";

        var first = await harness.GetAsync(path);
        var second = await harness.GetAsync(path);
        var third = await harness.GetAsync(path);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var later = await harness.GetAsync(path);

        first.Header("x-ratelimit-remaining").ShouldBe("1");
        second.Header("x-ratelimit-remaining").ShouldBe("0");
        third.ShouldBeError((HttpStatusCode)429, "Rate limit exceeded: too many requests per second. Retry after the reset time.", "request_rate_limit_exceeded");
        third.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
        third.Header("x-ratelimit-limit").ShouldBe("2");
        third.Header("x-ratelimit-remaining").ShouldBe("0");
        third.Header("x-ratelimit-used").ShouldBe("3");
        later.Status.ShouldBe(HttpStatusCode.OK);
        later.Header("x-ratelimit-used").ShouldBe("1");
    }

    [Fact]
    public async Task Fault429_OnAnAgentRoute_AnswersTheAgentEnvelopeRetryAfterAndRateLimitHeaders()
    {
        _harness.Emulator.Faults.Next(1).RespondWith((HttpStatusCode)429, retryAfter: TimeSpan.FromSeconds(2));

        var answer = await _harness.PostAsync(AgentHarness.Agent, AgentHarness.Body());

        answer.Status.ShouldBe((HttpStatusCode)429);
        answer.Error["type"]!.GetValue<string>().ShouldBe("request_rate_limit_exceeded");
        answer.Error["code"]!.GetValue<int>().ShouldBe(429);
        answer.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(2));
        answer.Header("x-ratelimit-remaining").ShouldBe("0");
        answer.Header("x-request-id").ShouldNotBeNull();
        _harness.Emulator.AgentRuns.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "internal_error")]
    [InlineData(HttpStatusCode.BadGateway, "bad_gateway")]
    [InlineData(HttpStatusCode.GatewayTimeout, "gateway_timeout")]
    public async Task Fault5xx_OnAnAgentRoute_AnswersTheAgentEnvelope(HttpStatusCode status, string type)
    {
        _harness.Emulator.Faults.Next(1, HttpMethod.Get).RespondWith(status);
        var run = _harness.Emulator.AddAgentRun("q");

        var answer = await _harness.GetAsync($"{AgentHarness.Agent}/{run.Id}");

        answer.Status.ShouldBe(status);
        answer.Error["type"]!.GetValue<string>().ShouldBe(type);
    }

    [Fact]
    public async Task TransportFaults_HitAgentRoutesToo()
    {
        _harness.Emulator.Faults.Next(1).FailConnection().Next(1).TimeOut();

        var refused = await AgentHarness.CatchAsync<HttpRequestException>(() => _harness.PostAsync(AgentHarness.Agent, AgentHarness.Body()));
        var timedOut = await AgentHarness.CatchAsync<TaskCanceledException>(() => _harness.PostAsync(AgentHarness.Agent, AgentHarness.Body()));

        refused.InnerException.ShouldBeOfType<SocketException>();
        timedOut.InnerException.ShouldBeOfType<TimeoutException>();
        _harness.Emulator.AgentRuns.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("GET", "async/chat/completions")]
    [InlineData("POST", "async/chat/completions")]
    [InlineData("GET", "async/chat/completions/abc")]
    [InlineData("POST", "v1/async/sonar")]
    [InlineData("GET", "v1/async/sonar/abc")]
    [InlineData("POST", "chat/completions")]
    [InlineData("POST", "v1/sonar")]
    public async Task RetireLegacyRoutes_AnswersTheLiveRetirement403(string method, string path)
    {
        using var harness = new AgentHarness(o => o.RetireLegacyRoutes = true);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };

        using var response = await harness.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldBe(
            """{"error":{"message":"Sonar is now the Agent API. Use /v1/responses instead of /v1/sonar. Migrate here: https://docs.perplexity.ai/docs/agent-api/migrate-from-sonar/overview","type":"chat_completions_not_available","code":403}}""");
    }

    [Fact]
    public async Task LegacyRoutes_ByDefault_KeepWorking()
    {
        using var response = await _harness.Http.GetAsync("v1/async/sonar");
        using var chat = await _harness.Http.PostAsync("chat/completions", new StringContent("{}"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        chat.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BaseAddressWithAPath_IsHonoured()
    {
        using var harness = new AgentHarness(o => o.BaseAddress = new Uri("https://proxy.example/perplexity"));

        var answer = await harness.PostAsync(AgentHarness.Agent, AgentHarness.Body());
        harness.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AgentHarness.ApiKey);

        answer.Status.ShouldBe(HttpStatusCode.OK);
        harness.Emulator.Requests.Single().Path.ShouldBe("/perplexity/v1/agent");
    }

    public void Dispose() => _harness.Dispose();
}
