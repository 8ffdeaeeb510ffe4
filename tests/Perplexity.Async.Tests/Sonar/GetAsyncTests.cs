using System.Net.Http;
using System.Reflection;
using System.Threading;
using Perplexity.Async.Tests.TestSupport;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Perplexity.Async.Tests.Sonar;

public sealed class GetAsyncTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private static readonly string[] OptionalHeaders =
        ["x-client-name", "x-client-env", "x-user-id", "x-usage-tier", "x-request-time", "x-created-at-epoch-seconds"];

    [Theory]
    [InlineData("sonar", "/v1/async/sonar/req_01JD4Q8Z3Y7M0K5N2P6R9T1V4W")]
    [InlineData("chat", "/async/chat/completions/req_01JD4Q8Z3Y7M0K5N2P6R9T1V4W")]
    public async Task GetAsync_EachRoute_SendsGetToItsPathWithDefaultHeaders(string route, string expectedPath)
    {
        Server.Given(Request.Create().WithPath(expectedPath).UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(Fixture.Read("created.json")));
        using var client = CreateSut();

        var job = await Pick(client, route).GetAsync("req_01JD4Q8Z3Y7M0K5N2P6R9T1V4W");

        job.Id.ShouldBe("req_01JD4Q8Z3Y7M0K5N2P6R9T1V4W");
        job.Status.ShouldBe(AsyncProcessingStatus.Created);
        var request = Server.SingleRequest();
        request.Method.ShouldBe("GET");
        request.RawPathAndQuery().ShouldBe(expectedPath);
        request.Header("Authorization").ShouldBe("Bearer " + ApiKey);
        request.Header("Accept").ShouldBe("application/json");
        request.Header("User-Agent").ShouldBe("Perplexity.Async/" + ExpectedVersion());
        foreach (var name in OptionalHeaders)
        {
            request.Header(name).ShouldBeNull(name);
        }
    }

    [Fact]
    public void Routes_AreBoundToTheDocumentedPrefixes()
    {
        using var client = CreateSut();

        client.Sonar.Route.ShouldBe("v1/async/sonar");
        client.ChatCompletions.Route.ShouldBe("async/chat/completions");
    }

    [Fact]
    public async Task GetAsync_BaseAddressWithPath_KeepsThePathPrefix()
    {
        Server.Given(Request.Create().UsingGet()).RespondWith(JsonJob());
        using var client = CreateSut(o => o.BaseAddress = new Uri(Server.Url + "/proxy"));

        await client.Sonar.GetAsync("job-1");

        Server.SingleRequest().RawPathAndQuery().ShouldBe("/proxy/v1/async/sonar/job-1");
    }

    [Theory]
    [InlineData(true, "?local_mode=true")]
    [InlineData(false, "?local_mode=false")]
    [InlineData(null, "")]
    public async Task GetAsync_LocalMode_IsSentLowercaseOnlyWhenSet(bool? localMode, string expectedQuery)
    {
        Server.Given(Request.Create().UsingGet()).RespondWith(JsonJob());
        using var client = CreateSut();

        await client.ChatCompletions.GetAsync("job-1", new AsyncRequestOptions { LocalMode = localMode });

        Server.SingleRequest().RawPathAndQuery().ShouldBe("/async/chat/completions/job-1" + expectedQuery);
    }

    [Theory]
    [InlineData("x-client-name")]
    [InlineData("x-client-env")]
    [InlineData("x-user-id")]
    [InlineData("x-usage-tier")]
    [InlineData("x-request-time")]
    [InlineData("x-created-at-epoch-seconds")]
    public async Task GetAsync_OneOptionalHeaderSet_SendsOnlyThatHeader(string name)
    {
        Server.Given(Request.Create().UsingGet()).RespondWith(JsonJob());
        using var client = CreateSut();
        var options = new AsyncRequestOptions();
        switch (name)
        {
            case "x-client-name": options.ClientName = "value-1"; break;
            case "x-client-env": options.ClientEnv = "value-1"; break;
            case "x-user-id": options.UserId = "value-1"; break;
            case "x-usage-tier": options.UsageTier = "value-1"; break;
            case "x-request-time": options.RequestTime = "value-1"; break;
            default: options.CreatedAtEpochSeconds = "value-1"; break;
        }

        await client.Sonar.GetAsync("job-1", options);

        var request = Server.SingleRequest();
        foreach (var header in OptionalHeaders)
        {
            request.Header(header).ShouldBe(header == name ? "value-1" : null, header);
        }

        request.RawPathAndQuery().ShouldBe("/v1/async/sonar/job-1");
    }

    [Fact]
    public async Task GetAsync_AllOptionsAndExtraHeaders_SendsEveryOne()
    {
        Server.Given(Request.Create().UsingGet()).RespondWith(JsonJob());
        using var client = CreateSut();
        var options = new AsyncRequestOptions
        {
            LocalMode = true,
            ClientName = "my-app",
            ClientEnv = "staging",
            UserId = "user-42",
            UsageTier = "tier-1",
            RequestTime = "2025-11-23T04:00:00Z",
            CreatedAtEpochSeconds = "1763870400",
        };
        options.Headers["X-Trace"] = "abc";
        options.Headers["x-another"] = "def";

        await client.Sonar.GetAsync("job-1", options);

        var request = Server.SingleRequest();
        request.Header("x-client-name").ShouldBe("my-app");
        request.Header("x-client-env").ShouldBe("staging");
        request.Header("x-user-id").ShouldBe("user-42");
        request.Header("x-usage-tier").ShouldBe("tier-1");
        request.Header("x-request-time").ShouldBe("2025-11-23T04:00:00Z");
        request.Header("x-created-at-epoch-seconds").ShouldBe("1763870400");
        request.Header("x-trace").ShouldBe("abc");
        request.Header("x-another").ShouldBe("def");
        request.Header("Authorization").ShouldBe("Bearer " + ApiKey);
        request.RawPathAndQuery().ShouldBe("/v1/async/sonar/job-1?local_mode=true");
    }

    [Theory]
    [InlineData("Authorization", "Bearer stolen")]
    [InlineData("authorization", "Bearer stolen")]
    [InlineData("x-bad", "line\r\nInjected: yes")]
    [InlineData("x-bad", "line\nInjected: yes")]
    [InlineData("bad name", "v")]
    [InlineData("Content-Type", "text/plain")]
    public async Task GetAsync_InvalidExtraHeader_ThrowsArgumentExceptionBeforeSending(string name, string value)
    {
        using var client = CreateSut();
        var options = new AsyncRequestOptions();
        options.Headers[name] = value;

        var ex = await Should.ThrowAsync<ArgumentException>(() => client.Sonar.GetAsync("job-1", options));

        ex.Message.ShouldContain(name, Case.Insensitive);
        Server.LogEntries.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetAsync_LineBreakInTypedHeader_ThrowsArgumentExceptionNamingIt()
    {
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<ArgumentException>(
            () => client.Sonar.GetAsync("job-1", new AsyncRequestOptions { UserId = "u\r\nx-evil: 1" }));

        ex.Message.ShouldContain("x-user-id");
        Server.LogEntries.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("../x", "..%2Fx", "..%2Fx")]
    [InlineData("a/b", "a%2Fb", "a%2Fb")]
    [InlineData("a?b", "a%3Fb", "a%3Fb")]
    [InlineData("a#b", "a%23b", "a%23b")]
    [InlineData("a\\b", "a%5Cb", "a%5Cb")]
    [InlineData("a b", "a%20b", "a%20b")]
    [InlineData("a%b", "a%25b", "a%25b")]
    [InlineData("é", "%C3%A9", "%C3%A9")]
    [InlineData("a\u0001b\r\n", "a%01b%0D%0A", "a%01b%0D%0A")]
    [InlineData("...", "...", "...")]
    [InlineData("a.", "a.", "a.")]
    [InlineData("job/", "job%2F", "job%2F")]
    // The server decodes %25 before WireMock logs the URL, so it shows one level less than the wire.
    [InlineData("..%2F", "..%252F", "..%2F")]
    public async Task GetAsync_IdWithSpecialCharacters_IsOneEscapedSegment(string id, string onTheWire, string seenByServer)
    {
        Server.Given(Request.Create().UsingGet()).RespondWith(JsonJob(id));
        var recorder = new PassThroughRecordingHandler();
        using var httpClient = new HttpClient(recorder);
        using var client = new PerplexityAsyncClient(httpClient, new PerplexityAsyncClientOptions { ApiKey = ApiKey, BaseAddress = BaseAddress });

        await client.Sonar.GetAsync(id, new AsyncRequestOptions { LocalMode = false });

        recorder.Uris.ShouldHaveSingleItem().PathAndQuery.ShouldBe("/v1/async/sonar/" + onTheWire + "?local_mode=false");
        Server.SingleRequest().RawPathAndQuery().ShouldBe("/v1/async/sonar/" + seenByServer + "?local_mode=false");
    }

    [Theory]
    [InlineData("sonar", "/v1/async/sonar/")]
    [InlineData("chat", "/async/chat/completions/")]
    public async Task GetAsync_AnyId_NeverEndsThePathWithASlash(string route, string prefix)
    {
        Server.Given(Request.Create().UsingGet()).RespondWith(JsonJob("job-1/"));
        using var client = CreateSut();

        await Pick(client, route).GetAsync("job-1/");

        var path = Server.SingleRequest().RawPathAndQuery();
        path.ShouldBe(prefix + "job-1%2F");
        path.ShouldNotEndWith("/");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\r\n")]
    [InlineData(".")]
    [InlineData("..")]
    public async Task GetAsync_InvalidId_ThrowsArgumentExceptionWithoutSending(string id)
    {
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<ArgumentException>(async () => await client.Sonar.GetAsync(id));

        ex.ParamName.ShouldBe("requestId");
        Server.LogEntries.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetAsync_NullId_ThrowsArgumentNullException()
    {
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<ArgumentNullException>(async () => await client.ChatCompletions.GetAsync(null!));

        ex.ParamName.ShouldBe("requestId");
        ex.Message.ShouldStartWith("A request id is required.");
        Server.LogEntries.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetAsync_IdLongerThanLimit_ThrowsArgumentExceptionNamingTheLimit()
    {
        using var client = CreateSut();

        var ex = await Should.ThrowAsync<ArgumentException>(async () => await client.Sonar.GetAsync(new string('a', 513)));

        ex.Message.ShouldContain("512");
        Server.LogEntries.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetAsync_IdAtLimit_IsSent()
    {
        Server.Given(Request.Create().UsingGet()).RespondWith(JsonJob());
        using var client = CreateSut();
        var id = new string('a', 512);

        await client.Sonar.GetAsync(id);

        Server.SingleRequest().RawPathAndQuery().ShouldBe("/v1/async/sonar/" + id);
    }

    [Fact]
    public async Task GetAsync_TokenCancelledWhileServerIsAnswering_ThrowsOperationCanceledException()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithCallback(async _ =>
        {
            received.TrySetResult();
            await release.Task;
            return new ResponseMessage { StatusCode = 200 };
        }));
        using var client = CreateSut();
        using var cts = new CancellationTokenSource();

        try
        {
            var pending = client.Sonar.GetAsync("job-1", cts.Token);
            await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
            pending.IsCompleted.ShouldBeFalse();

            await cts.CancelAsync();

            var ex = await Should.ThrowAsync<OperationCanceledException>(() => pending.WaitAsync(TimeSpan.FromSeconds(30)));
            ex.CancellationToken.ShouldBe(cts.Token);
        }
        finally
        {
            await ReleaseAndWaitUntilLoggedAsync(release, received.Task.IsCompleted);
        }
    }

    [Fact]
    public async Task GetAsync_TokenAlreadyCancelled_SendsNothing()
    {
        Server.Given(Request.Create().UsingGet()).RespondWith(JsonJob());
        using var client = CreateSut();

        await Should.ThrowAsync<OperationCanceledException>(() => client.Sonar.GetAsync("job-1", new CancellationToken(canceled: true)));

        Server.LogEntries.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetAsync_CallerOwnedHttpClientWithOtherBaseAddress_UsesTheOptionsBaseAddress()
    {
        Server.Given(Request.Create().UsingGet()).RespondWith(JsonJob());
        using var httpClient = new HttpClient { BaseAddress = new Uri("https://example.invalid/elsewhere/") };
        using (var client = new PerplexityAsyncClient(httpClient, new PerplexityAsyncClientOptions { ApiKey = ApiKey, BaseAddress = BaseAddress }))
        {
            await client.Sonar.GetAsync("job-1");
        }

        Server.SingleRequest().RawPathAndQuery().ShouldBe("/v1/async/sonar/job-1");

        // Disposing the SDK client left the caller's HttpClient usable.
        using var again = new PerplexityAsyncClient(httpClient, new PerplexityAsyncClientOptions { ApiKey = ApiKey, BaseAddress = BaseAddress });
        await again.ChatCompletions.GetAsync("job-2");
        Server.LogEntries.Count.ShouldBe(2);
    }

    [Fact]
    public async Task GetAsync_OptionsChangedAfterConstruction_DoNotAffectTheClient()
    {
        Server.Given(Request.Create().UsingGet()).RespondWith(JsonJob());
        var options = new PerplexityAsyncClientOptions { ApiKey = ApiKey, BaseAddress = BaseAddress };
        using var client = new PerplexityAsyncClient(options);
        options.ApiKey = "changed-key";
        options.BaseAddress = new Uri("https://example.invalid/");

        await client.Sonar.GetAsync("job-1");

        Server.SingleRequest().Header("Authorization").ShouldBe("Bearer " + ApiKey);
    }

    private static AsyncCompletionsClient Pick(PerplexityAsyncClient client, string route) =>
        route == "sonar" ? client.Sonar : client.ChatCompletions;

    // The job the request asked for (a GET that answers with another job is a protocol error): the last path segment,
    // unescaped, unless the test names the id.
    private static IResponseBuilder JsonJob(string? id = null) =>
        Response.Create().WithCallback(request => new WireMock.ResponseMessage
        {
            StatusCode = 200,
            Headers = new Dictionary<string, WireMock.Types.WireMockList<string>> { ["Content-Type"] = new("application/json") },
            BodyData = new WireMock.Util.BodyData
            {
                DetectedBodyType = WireMock.Types.BodyType.String,
                BodyAsString = StubHandler.MinimalJob.Replace(
                    "\"job-1\"",
                    System.Text.Json.JsonSerializer.Serialize(id ?? Uri.UnescapeDataString(new Uri(request.Url).AbsolutePath.Split('/')[^1])),
                    StringComparison.Ordinal),
            },
        });

    private static string ExpectedVersion()
    {
        var version = typeof(PerplexityAsyncClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        var expected = plus < 0 ? version : version[..plus];
        expected.ShouldMatch(@"^\d+\.\d+\.\d+");
        return expected;
    }

}
