using System.Net;
using System.Threading;
using Perplexity.Async.Tests.TestSupport;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Perplexity.Async.Tests.Agent;

/// <summary>The Agent routes (create, read, cancel) over WireMock: error mapping, foreign ids, cancel semantics.</summary>
public sealed class AgentWireMockTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private const string RunA = "resp_aaaaaaaa-0000-4000-8000-000000000001";
    private const string RunB = "resp_bbbbbbbb-0000-4000-8000-000000000002";

    public static TheoryData<string> Routes => new() { "create", "get", "cancel" };

    public static TheoryData<string, string, string> RefusedParams => new()
    {
        { "create", "invalid_parameter", "temprature" },
        { "get", "invalid_parameter", "include" },
        { "cancel", "invalid_parameter", "response_id" },
        { "create", "invalid_model", "model" },
    };

    [Theory]
    [MemberData(nameof(RefusedParams))]
    public async Task AgentRoute_400WithParam_ExposesTypeAndParamAndNamesItInTheMessage(string route, string type, string param)
    {
        // The API's message does not name the field: the SDK's message must, from "param".
        var body = $$$"""{"error":{"message":"the value is not accepted","type":"{{{type}}}","code":400,"param":"{{{param}}}"}}""";
        ArrangeRoute(route, 400, body);
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityBadRequestException>(() => Call(client, route));

        ex.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ex.ErrorType.ShouldBe(type);
        ex.ErrorCode.ShouldBe("400");
        ex.Details.ErrorParam.ShouldBe(param);
        ex.Message.ShouldContain($"param '{param}'");
        ex.ResponseBody.ShouldBe(body);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AgentRoute_400InvalidRequest_ExposesItsType(string route)
    {
        ArrangeRoute(route, 400, """{"error":{"message":"validation failed: input is required","type":"invalid_request","code":400}}""");
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityBadRequestException>(() => Call(client, route));

        ex.ErrorType.ShouldBe("invalid_request");
        ex.ErrorMessage.ShouldBe("validation failed: input is required");
        ex.Details.ErrorParam.ShouldBeNull();
    }

    [Theory]
    [InlineData("create", 401, typeof(PerplexityAuthenticationException))]
    [InlineData("get", 401, typeof(PerplexityAuthenticationException))]
    [InlineData("cancel", 401, typeof(PerplexityAuthenticationException))]
    [InlineData("get", 404, typeof(PerplexityNotFoundException))]
    [InlineData("cancel", 404, typeof(PerplexityNotFoundException))]
    [InlineData("create", 413, typeof(PerplexityPayloadTooLargeException))]
    [InlineData("create", 424, typeof(PerplexityConnectorException))]
    [InlineData("get", 424, typeof(PerplexityConnectorException))]
    [InlineData("get", 502, typeof(PerplexityServerException))]
    [InlineData("cancel", 503, typeof(PerplexityServerException))]
    public async Task AgentRoute_ErrorStatus_ThrowsItsException(string route, int status, Type expected)
    {
        var type = status switch
        {
            401 => "invalid_api_key",
            404 => "not_found",
            413 => "payload_too_large",
            424 => "external_connector_error",
            _ => "internal_error",
        };
        var body = $$$"""{"error":{"message":"failure {{{status}}}","type":"{{{type}}}","code":{{{status}}}}}""";
        ArrangeRoute(route, status, body);
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityApiException>(() => Call(client, route));

        ex.GetType().ShouldBe(expected);
        ex.StatusCode.ShouldBe((HttpStatusCode)status);
        ex.ErrorType.ShouldBe(type);
        ex.ErrorMessage.ShouldBe($"failure {status}");
        ex.ResponseBody.ShouldBe(body);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AgentRoute_401HtmlBody_IsAnAuthenticationErrorWithTheRawBody(string route)
    {
        const string html = "<html><head><title>401 Authorization Required</title></head><body><h1>401</h1></body></html>";
        ArrangeRoute(route, 401, html, "text/html");
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityAuthenticationException>(() => Call(client, route));

        ex.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        ex.ResponseBody.ShouldBe(html);
        ex.ErrorType.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AgentRoute_429_ExposesRateLimitHeadersAndRetryAfter(string route)
    {
        var body = """{"error":{"message":"rate limited","type":"request_rate_limit_exceeded","code":429}}""";
        ArrangeRoute(route, 429, body, headers: new Dictionary<string, string>
        {
            ["Retry-After"] = "7",
            ["x-ratelimit-limit"] = "50",
            ["x-ratelimit-remaining"] = "0",
        });
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityRateLimitException>(() => Call(client, route));

        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
        ex.ErrorType.ShouldBe("request_rate_limit_exceeded");
        var limit = ex.Details.RateLimit.ShouldNotBeNull();
        limit.Limit.ShouldBe(50);
        limit.Remaining.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AgentRoute_403ChatCompletionsNotAvailable_IsRetiredAndNeverRetried(string route)
    {
        ArrangeRoute(route, 403, """{"error":{"message":"chat completions are not available","type":"chat_completions_not_available","code":403}}""");
        using var client = CreateSut(o => o.MaxRetries = 3);

        var ex = await Should.ThrowAsync<PerplexityEndpointRetiredException>(() => Call(client, route));

        ex.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var failing = route == "create" ? "POST" : route == "get" ? "GET" : "POST";
        var sentToFailingRoute = Server.LogEntries.Count(e => e.RequestMessage!.Method == failing
            && (route != "cancel" || e.RequestMessage.Path!.EndsWith("/cancel", StringComparison.Ordinal)));
        sentToFailingRoute.ShouldBe(1);
    }

    [Fact]
    public async Task GetAsync_AnswerForAnotherRun_ThrowsProtocolException()
    {
        RespondGet(RunA, Run(RunB, "in_progress"));
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(() => client.Agent.GetAsync(RunA));

        ex.Message.ShouldContain(RunA);
        ex.Message.ShouldContain(RunB);
    }

    [Fact]
    public async Task WaitForCompletionAsync_AnswerForAnotherRun_ThrowsProtocolExceptionNamingTheRun()
    {
        RespondGet(RunA, Run(RunB, "completed"));
        var clock = new TestClock();
        using var client = CreateSut(o => o.TimeProvider = clock);

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(
            () => clock.DriveAsync(client.Agent.WaitForCompletionAsync(RunA, AgentClientHarness.Exact(), CancellationToken.None)));

        ex.JobId.ShouldBe(RunA);
        ex.Message.ShouldContain(RunA);
        ex.Message.ShouldContain(RunB);
    }

    [Fact]
    public async Task CancelAsync_ReadAnswersForAnotherRun_ThrowsProtocolExceptionAndSendsNoCancel()
    {
        RespondGet(RunA, Run(RunB, "in_progress"));
        RespondCancel(RunA, 200, Ack(RunA));
        using var client = CreateSut();

        await Should.ThrowAsync<PerplexityProtocolException>(() => client.Agent.CancelAsync(RunA));

        CancelPosts().ShouldBe(0);
    }

    [Fact]
    public async Task CancelAsync_AcknowledgedForAnotherRun_ThrowsProtocolException()
    {
        RespondGet(RunA, Run(RunA, "in_progress"));
        RespondCancel(RunA, 200, Ack(RunB));
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(() => client.Agent.CancelAsync(RunA));

        ex.Message.ShouldContain(RunB);
        CancelPosts().ShouldBe(1);
    }

    [Fact]
    public async Task CancelAsync_UnknownId_ThrowsNotFoundAndSendsNoCancel()
    {
        Server.Given(Request.Create().WithPath($"/v1/responses/{RunA}").UsingGet())
            .RespondWith(Json(404, """{"error":{"message":"resource not found","type":"not_found","code":404}}"""));
        RespondCancel(RunA, 400, AlreadyTerminal);
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityNotFoundException>(() => client.Agent.CancelAsync(RunA));

        ex.RequestId.ShouldBe(RunA);
        CancelPosts().ShouldBe(0);
    }

    [Theory]
    [InlineData("completed")]
    [InlineData("failed")]
    [InlineData("cancelled")]
    [InlineData("incomplete")]
    public async Task CancelAsync_FinishedRun_ReturnsItAsIsWithoutACancel(string status)
    {
        RespondGet(RunA, Run(RunA, status));
        RespondCancel(RunA, 200, Ack(RunA));
        using var client = CreateSut();

        var result = await client.Agent.CancelAsync(RunA);

        result.Id.ShouldBe(RunA);
        result.Status.Value.ShouldBe(status);
        CancelPosts().ShouldBe(0);
        Server.LogEntries.ToList().Count.ShouldBe(1);
    }

    [Fact]
    public async Task CancelAsync_RunningRun_PostsCancelThenReturnsTheStateAfter()
    {
        Server.Given(Request.Create().WithPath($"/v1/responses/{RunA}").UsingGet())
            .InScenario("cancel").WillSetStateTo("posted-not-yet")
            .RespondWith(Json(200, Run(RunA, "in_progress")));
        Server.Given(Request.Create().WithPath($"/v1/responses/{RunA}").UsingGet())
            .InScenario("cancel").WhenStateIs("posted-not-yet")
            .RespondWith(Json(200, Run(RunA, "cancelled")));
        RespondCancel(RunA, 200, Ack(RunA));
        using var client = CreateSut();

        var result = await client.Agent.CancelAsync(RunA);

        result.Status.ShouldBe(AgentResponseStatus.Cancelled);
        Calls().ShouldBe([$"GET /v1/responses/{RunA}", $"POST /v1/responses/{RunA}/cancel", $"GET /v1/responses/{RunA}"]);
    }

    [Fact]
    public async Task CancelAsync_CancelAnswersAlreadyTerminal_ReadsOnceMoreAndReturnsThatState()
    {
        Server.Given(Request.Create().WithPath($"/v1/responses/{RunA}").UsingGet())
            .InScenario("race").WillSetStateTo("finished")
            .RespondWith(Json(200, Run(RunA, "in_progress")));
        Server.Given(Request.Create().WithPath($"/v1/responses/{RunA}").UsingGet())
            .InScenario("race").WhenStateIs("finished")
            .RespondWith(Json(200, Run(RunA, "completed")));
        RespondCancel(RunA, 400, AlreadyTerminal);
        using var client = CreateSut(o => o.MaxRetries = 2);

        var result = await client.Agent.CancelAsync(RunA);

        result.Status.ShouldBe(AgentResponseStatus.Completed);
        Calls().ShouldBe([$"GET /v1/responses/{RunA}", $"POST /v1/responses/{RunA}/cancel", $"GET /v1/responses/{RunA}"]);
    }

    [Fact]
    public async Task RunAsync_CallerCancelsAndCancelNeverAnswers_GivesUpAfterTheAbandonedRunBound()
    {
        Server.Given(Request.Create().WithPath("/v1/agent").UsingPost()).RespondWith(Json(200, Run(RunA, "in_progress")));
        RespondGet(RunA, Run(RunA, "in_progress"));
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Server.Given(Request.Create().WithPath($"/v1/responses/{RunA}/cancel").UsingPost()).RespondWith(Response.Create().WithCallback(async _ =>
        {
            received.TrySetResult();
            await release.Task;
            return new ResponseMessage { StatusCode = 200 };
        }));
        var clock = new TestClock();
        using var client = CreateSut(o => o.TimeProvider = clock);
        using var caller = new CancellationTokenSource(CallerGivesUpAfter, clock);

        try
        {
            var run = client.Agent.RunAsync(AgentClientHarness.Fast(), AgentClientHarness.Exact(), caller.Token);

            // Polls until the caller gives up; then the cancel hangs, blocked on nothing but its bound: move the clock by hand.
            await clock.DriveAsync(Task.WhenAny(run, received.Task));
            received.Task.IsCompleted.ShouldBeTrue();
            clock.Elapsed.ShouldBe(CallerGivesUpAfter);
            clock.Advance(AgentPollingDefaults.AbandonedRunCancelTimeout - TimeSpan.FromMilliseconds(1));
            run.IsCompleted.ShouldBeFalse("the cancel still has its last millisecond");
            clock.Advance(TimeSpan.FromMilliseconds(1));

            var ex = (await Record.ExceptionAsync(() => run.WaitAsync(TimeSpan.FromSeconds(30)))) // real-time-ok: a bound, not a sleep
                .ShouldBeOfType<PerplexityWaitCanceledException>();
            ex.JobId.ShouldBe(RunA);
            ex.RunCancelRequested.ShouldBeFalse();
            ex.Message.ShouldContain("may still be running");
            clock.Elapsed.ShouldBe(CallerGivesUpAfter + AgentPollingDefaults.AbandonedRunCancelTimeout);
        }
        finally
        {
            await ReleaseAndWaitUntilLoggedAsync(release, received.Task.IsCompleted);
        }
    }

    [Fact]
    public async Task RunAsync_CallerCancelsAndCancelAnswers_AsksTheRunToStop()
    {
        Server.Given(Request.Create().WithPath("/v1/agent").UsingPost()).RespondWith(Json(200, Run(RunA, "in_progress")));
        RespondGet(RunA, Run(RunA, "in_progress"));
        RespondCancel(RunA, 200, Ack(RunA));
        var clock = new TestClock();
        using var client = CreateSut(o => o.TimeProvider = clock);
        using var caller = new CancellationTokenSource(CallerGivesUpAfter, clock);

        var run = client.Agent.RunAsync(AgentClientHarness.Fast(), AgentClientHarness.Exact(), caller.Token);
        await clock.DriveAsync((Task)run);

        // A canceled task: Record.ExceptionAsync returns the exception itself, where Should.ThrowAsync would see TaskCanceledException.
        var ex = (await Record.ExceptionAsync(() => run)).ShouldBeOfType<PerplexityWaitCanceledException>();
        ex.JobId.ShouldBe(RunA);
        ex.RunCancelRequested.ShouldBeTrue();
        CancelPosts().ShouldBe(1);
        clock.Elapsed.ShouldBe(CallerGivesUpAfter);
    }

    [Fact]
    public async Task RunAsync_CallerCancelsWithCancelAbandonedRunsOff_SendsNoCancel()
    {
        Server.Given(Request.Create().WithPath("/v1/agent").UsingPost()).RespondWith(Json(200, Run(RunA, "in_progress")));
        RespondGet(RunA, Run(RunA, "in_progress"));
        RespondCancel(RunA, 200, Ack(RunA));
        var clock = new TestClock();
        using var client = CreateSut(o =>
        {
            o.TimeProvider = clock;
            o.CancelAbandonedRuns = false;
        });
        using var caller = new CancellationTokenSource(CallerGivesUpAfter, clock);

        var run = client.Agent.RunAsync(AgentClientHarness.Fast(), AgentClientHarness.Exact(), caller.Token);
        await clock.DriveAsync((Task)run);

        // A canceled task: Record.ExceptionAsync returns the exception itself, where Should.ThrowAsync would see TaskCanceledException.
        var ex = (await Record.ExceptionAsync(() => run)).ShouldBeOfType<PerplexityWaitCanceledException>();
        ex.JobId.ShouldBe(RunA);
        ex.RunCancelRequested.ShouldBeFalse();
        CancelPosts().ShouldBe(0);
        Server.LogEntries.Count(e => e.RequestMessage!.Method == "GET").ShouldBeGreaterThan(0);
    }

    /// <summary>Between the polls at 1 s and 3 s (exact polling), so no poll is in flight when the caller gives up.</summary>
    private static readonly TimeSpan CallerGivesUpAfter = TimeSpan.FromSeconds(2);

    private const string AlreadyTerminal =
        """{"error":{"message":"the run is already terminal and cannot be cancelled","type":"invalid_request","code":400}}""";

    private static Task Call(PerplexityAsyncClient client, string route) => route switch
    {
        "create" => client.Agent.CreateAsync(AgentClientHarness.Fast()),
        "get" => client.Agent.GetAsync(RunA),
        "cancel" => client.Agent.CancelAsync(RunA),
        _ => throw new ArgumentOutOfRangeException(nameof(route)),
    };

    /// <summary>Makes <paramref name="route"/> answer the error; for cancel the read before it finds the run running.</summary>
    private void ArrangeRoute(string route, int status, string body, string contentType = "application/json", Dictionary<string, string>? headers = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body);
        foreach (var (name, value) in headers ?? [])
        {
            response = response.WithHeader(name, value);
        }

        switch (route)
        {
            case "create":
                Server.Given(Request.Create().WithPath("/v1/agent").UsingPost()).RespondWith(response);
                break;
            case "get":
                Server.Given(Request.Create().WithPath($"/v1/responses/{RunA}").UsingGet()).RespondWith(response);
                break;
            default:
                RespondGet(RunA, Run(RunA, "in_progress"));
                Server.Given(Request.Create().WithPath($"/v1/responses/{RunA}/cancel").UsingPost()).RespondWith(response);
                break;
        }
    }

    private void RespondGet(string id, string body) =>
        Server.Given(Request.Create().WithPath($"/v1/responses/{id}").UsingGet()).RespondWith(Json(200, body));

    private void RespondCancel(string id, int status, string body) =>
        Server.Given(Request.Create().WithPath($"/v1/responses/{id}/cancel").UsingPost()).RespondWith(Json(status, body));

    private int CancelPosts() =>
        Server.LogEntries.Count(e => e.RequestMessage!.Method == "POST" && e.RequestMessage.Path!.EndsWith("/cancel", StringComparison.Ordinal));

    private List<string> Calls() => Server.LogEntries
        .OrderBy(e => e.RequestMessage!.DateTime)
        .Select(e => e.RequestMessage!.Method + " " + e.RequestMessage.Path)
        .ToList();

    private static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    internal static string Ack(string id) => $$"""{"response_id":"{{id}}","status":"cancelling"}""";

    internal static string Run(string id, string status)
    {
        var error = status switch
        {
            "failed" => """{"code":"internal_error","message":"boom","type":"internal_error"}""",
            "cancelled" => """{"code":"cancelled","message":"cancelled","type":"cancelled"}""",
            _ => "null",
        };
        var incomplete = status switch
        {
            "cancelled" => """{"reason":"cancelled"}""",
            "incomplete" => """{"reason":"max_output_tokens"}""",
            _ => "null",
        };
        return $$"""
            {"id":"{{id}}","object":"response","created_at":1791572965,"status":"{{status}}","model":"fast",
             "output":[],"error":{{error}},"incomplete_details":{{incomplete}},"usage":null,"background":true}
            """;
    }
}
