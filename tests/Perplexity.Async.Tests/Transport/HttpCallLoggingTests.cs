using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Perplexity.Async.Serialization;
using Perplexity.Async.Tests.TestSupport;
using Perplexity.Async.Errors;
using Perplexity.Async.Transport;

namespace Perplexity.Async.Tests.Transport;

public sealed class HttpCallLoggingTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private const string Route = "v1/async/sonar/{api_request}";

    [Fact]
    public async Task GetAsync_Success_LogsRequestSentAndResponseReceivedWithStableIds()
    {
        Server.StubCreatedJob("job-ok");
        var logs = new CapturingLoggerProvider();
        var client = CreateSut(o => o.LoggerFactory = logs);

        await client.Sonar.GetAsync("job-ok");

        var sent = logs.Entries.Single(e => e.EventId.Id == 1001);
        sent.EventId.Name.ShouldBe("RequestSent");
        sent.Level.ShouldBe(LogLevel.Debug);
        sent.Category.ShouldBe("Perplexity.Async.PerplexityAsyncClient");
        sent["HttpMethod"].ShouldBe("GET");
        sent["RouteTemplate"].ShouldBe(Route);
        sent["RequestId"].ShouldBe("job-ok");
        sent.Message.ShouldBe("Sending GET v1/async/sonar/{api_request} for request id job-ok");

        var received = logs.Entries.Single(e => e.EventId.Id == 1002);
        received.EventId.Name.ShouldBe("ResponseReceived");
        received.Level.ShouldBe(LogLevel.Debug);
        received["StatusCode"].ShouldBe(200);
        received["RouteTemplate"].ShouldBe(Route);
        received["RequestId"].ShouldBe("job-ok");
        ((double)received["ElapsedMilliseconds"]!).ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task GetAsync_ErrorStatus_LogsAWarningWithTheStatus()
    {
        Server.StubCreatedJob("job-404", status: 404, body: """{"detail":"Not found"}""");
        var logs = new CapturingLoggerProvider();
        var client = CreateSut(o => o.LoggerFactory = logs);

        await Should.ThrowAsync<PerplexityNotFoundException>(() => client.Sonar.GetAsync("job-404"));

        var entry = logs.Entries.Single(e => e.EventId.Id == 1003);
        entry.EventId.Name.ShouldBe("ErrorResponseReceived");
        entry.Level.ShouldBe(LogLevel.Warning);
        entry["StatusCode"].ShouldBe(404);
        logs.Entries.ShouldNotContain(e => e.EventId.Id == 1002);
    }

    [Fact]
    public async Task GetAsync_NetworkFailure_LogsRequestFailedWithTheException()
    {
        var logs = new CapturingLoggerProvider();
        using var httpClient = new HttpClient(new ThrowingHandler());
        using var client = new PerplexityAsyncClient(httpClient, new PerplexityAsyncClientOptions { ApiKey = ApiKey, LoggerFactory = logs, MaxRetries = 0 });

        await Should.ThrowAsync<PerplexityConnectionException>(() => client.Sonar.GetAsync("job-net"));

        var entry = logs.Entries.Single(e => e.EventId.Id == 1004);
        entry.EventId.Name.ShouldBe("RequestFailed");
        entry.Level.ShouldBe(LogLevel.Warning);
        entry["ErrorType"].ShouldBe("System.Net.Http.HttpRequestException");
        entry.Exception.ShouldBeOfType<HttpRequestException>();
    }

    [Fact]
    public async Task SendAsync_BodyAtTrace_IsLoggedWithTheKeyRedacted()
    {
        var logs = new CapturingLoggerProvider();
        var transport = CreateTransport(logs);
        var request = new PerplexityRequest(HttpMethod.Post, "v1/async/sonar")
        {
            Body = Encoding.UTF8.GetBytes($$$"""{"request":{"messages":[{"role":"user","content":"is {{{ApiKey}}} leaked?"}]}}"""),
        };

        await transport.SendAsync(request, PerplexityJsonContext.Default.AsyncApiChatCompletionsResponse, CancellationToken.None);

        var entry = logs.Entries.Single(e => e.EventId.Id == 1005);
        entry.EventId.Name.ShouldBe("RequestBody");
        entry.Level.ShouldBe(LogLevel.Trace);
        entry.Message.ShouldContain("is [REDACTED] leaked?");
        logs.AllText.ShouldNotContain(ApiKey);
    }

    [Fact]
    public async Task SendAsync_BodyBelowTrace_IsNotLogged()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        var transport = CreateTransport(factory);
        var request = new PerplexityRequest(HttpMethod.Post, "v1/async/sonar") { Body = Encoding.UTF8.GetBytes("""{"secret":"user data"}""") };

        await transport.SendAsync(request, PerplexityJsonContext.Default.AsyncApiChatCompletionsResponse, CancellationToken.None);

        logs.Entries.ShouldContain(e => e.EventId.Id == 1001);
        logs.Entries.ShouldNotContain(e => e.EventId.Id == 1005);
        logs.AllText.ShouldNotContain("user data");
    }

    [Fact]
    public async Task WholePipelineAtTrace_SuccessAndAnErrorEchoingTheKey_NoLogContainsTheKey()
    {
        Server.StubCreatedJob("job-fine");
        Server.StubCreatedJob("job-denied", status: 401, body: $$$"""{"error":{"message":"Invalid key {{{ApiKey}}}","type":"auth"}}""");
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddPerplexityAsync(o =>
        {
            o.ApiKey = ApiKey;
            o.BaseAddress = BaseAddress;
        });
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<PerplexityAsyncClient>();

        await client.Sonar.GetAsync("job-fine");
        var ex = await Should.ThrowAsync<PerplexityAuthenticationException>(() => client.Sonar.GetAsync("job-denied"));

        ex.Message.ShouldNotContain(ApiKey);
        logs.Entries.ShouldContain(e => e.Category.StartsWith("System.Net.Http.HttpClient.Perplexity.Async", StringComparison.Ordinal) && e.Level == LogLevel.Trace);
        logs.Entries.ShouldContain(e => e.EventId.Id == 1003);
        logs.AllText.ShouldNotContain(ApiKey);
    }

    private static PerplexityTransport CreateTransport(ILoggerFactory loggerFactory)
    {
        var settings = new ClientSettings(new PerplexityAsyncClientOptions { ApiKey = ApiKey, LoggerFactory = loggerFactory });
        return new PerplexityTransport(new HttpClient(new TestSupport.RecordingHandler()), settings);
    }

    private sealed class ThrowingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("Connection refused (api.perplexity.ai:443)");
    }
}
