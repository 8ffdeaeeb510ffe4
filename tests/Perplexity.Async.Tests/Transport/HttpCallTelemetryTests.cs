using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using Perplexity.Async.Diagnostics;
using Perplexity.Async.Tests.TestSupport;
using Perplexity.Async.Errors;
using Perplexity.Async.Transport;

namespace Perplexity.Async.Tests.Transport;

public sealed class HttpCallTelemetryTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private const string Route = "v1/async/sonar/{api_request}";

    [Fact]
    public void SourceAndMeter_AreNamedPerplexityAsyncAndVersioned()
    {
        PerplexityTelemetry.ActivitySource.Name.ShouldBe("Perplexity.Async");
        PerplexityTelemetry.Meter.Name.ShouldBe("Perplexity.Async");
        PerplexityTelemetry.ActivitySource.Version.ShouldBe(PackageVersion.Value);
        PerplexityTelemetry.Meter.Version.ShouldBe(PackageVersion.Value);
        PackageVersion.Value.ShouldNotBeNullOrWhiteSpace();
        PackageVersion.Value.ShouldNotContain("+");
    }

    [Fact]
    public async Task GetAsync_Success_RecordsAClientSpanWithHttpConventionTags()
    {
        var id = "job-" + Guid.NewGuid().ToString("N");
        Server.StubCreatedJob(id);
        using var capture = new TelemetryCapture();

        await CreateSut().Sonar.GetAsync(id);

        var span = capture.Activities.Single(a => Equals(a.GetTagItem("perplexity.request_id"), id));
        span.DisplayName.ShouldBe("GET " + Route);
        span.Kind.ShouldBe(ActivityKind.Client);
        span.Status.ShouldBe(ActivityStatusCode.Unset);
        span.GetTagItem("http.request.method").ShouldBe("GET");
        span.GetTagItem("server.address").ShouldBe(BaseAddress.Host);
        span.GetTagItem("server.port").ShouldBe(BaseAddress.Port);
        span.GetTagItem("url.template").ShouldBe(Route);
        span.GetTagItem("http.response.status_code").ShouldBe(200);
        span.GetTagItem("error.type").ShouldBeNull();
        ShouldNotCarryTheKey(span);
    }

    [Fact]
    public async Task GetAsync_ErrorStatus_MarksTheSpanFailedWithTheStatusAsErrorType()
    {
        var id = "job-" + Guid.NewGuid().ToString("N");
        Server.StubCreatedJob(id, status: 503, body: """{"error":{"message":"busy"}}""");
        using var capture = new TelemetryCapture();

        await Should.ThrowAsync<PerplexityServerException>(() => CreateSut().Sonar.GetAsync(id));

        var span = capture.Activities.Single(a => Equals(a.GetTagItem("perplexity.request_id"), id));
        span.Status.ShouldBe(ActivityStatusCode.Error);
        span.GetTagItem("http.response.status_code").ShouldBe(503);
        span.GetTagItem("error.type").ShouldBe("503");
    }

    [Fact]
    public async Task GetAsync_NetworkFailure_MarksTheSpanFailedWithTheExceptionType()
    {
        var id = "job-" + Guid.NewGuid().ToString("N");
        using var capture = new TelemetryCapture();
        using var httpClient = new HttpClient(new ThrowingHandler());
        using var client = new PerplexityAsyncClient(httpClient, new PerplexityAsyncClientOptions { ApiKey = ApiKey, MaxRetries = 0 });

        await Should.ThrowAsync<PerplexityConnectionException>(() => client.Sonar.GetAsync(id));

        var span = capture.Activities.Single(a => Equals(a.GetTagItem("perplexity.request_id"), id));
        span.Status.ShouldBe(ActivityStatusCode.Error);
        span.GetTagItem("error.type").ShouldBe("System.Net.Http.HttpRequestException");
        span.GetTagItem("http.response.status_code").ShouldBeNull();
        ShouldNotCarryTheKey(span);
    }

    [Fact]
    public async Task GetAsync_CancelledByTheCaller_RecordsTheCancellationAsErrorType()
    {
        var id = "job-" + Guid.NewGuid().ToString("N");
        using var capture = new TelemetryCapture();
        using var cts = new CancellationTokenSource();
        using var httpClient = new HttpClient(new CancellingHandler(cts));
        using var client = new PerplexityAsyncClient(httpClient, new PerplexityAsyncClientOptions { ApiKey = ApiKey });

        await Should.ThrowAsync<OperationCanceledException>(() => client.Sonar.GetAsync(id, cts.Token));

        var span = capture.Activities.Single(a => Equals(a.GetTagItem("perplexity.request_id"), id));
        span.Status.ShouldBe(ActivityStatusCode.Error);
        span.GetTagItem("error.type").ShouldBe("System.Threading.Tasks.TaskCanceledException");
    }

    [Fact]
    public async Task GetAsync_Always_RecordsRequestCountAndDurationTaggedLikeTheSpan()
    {
        Server.StubCreatedJob("job-m1");
        Server.StubCreatedJob("job-m2", status: 404, body: """{"detail":"Not found"}""");
        using var capture = new TelemetryCapture();
        var client = CreateSut();

        await client.Sonar.GetAsync("job-m1");
        await Should.ThrowAsync<PerplexityNotFoundException>(() => client.Sonar.GetAsync("job-m2"));

        var counts = capture.MeasurementsOf("perplexity.client.requests", "server.port", BaseAddress.Port);
        counts.Count.ShouldBe(2);
        counts.ShouldAllBe(m => m.Value == 1 && m.Unit == "{request}");
        var ok = counts.Single(m => Equals(m.Tags["http.response.status_code"], 200));
        ok.Tags["http.request.method"].ShouldBe("GET");
        ok.Tags["url.template"].ShouldBe(Route);
        ok.Tags["server.address"].ShouldBe(BaseAddress.Host);
        ok.Tags.ShouldNotContainKey("error.type");
        ok.Tags.ShouldNotContainKey("perplexity.request_id");
        var notFound = counts.Single(m => Equals(m.Tags["http.response.status_code"], 404));
        notFound.Tags["error.type"].ShouldBe("404");

        var durations = capture.MeasurementsOf("http.client.request.duration", "server.port", BaseAddress.Port);
        durations.Count.ShouldBe(2);
        durations.ShouldAllBe(m => m.Value >= 0 && m.Unit == "s");
        capture.Measurements.SelectMany(m => m.Tags.Values).ShouldNotContain(ApiKey);
    }

    private static void ShouldNotCarryTheKey(Activity span)
    {
        foreach (var tag in span.TagObjects)
        {
            (tag.Value?.ToString() ?? string.Empty).ShouldNotContain(ApiKey);
        }

        (span.StatusDescription ?? string.Empty).ShouldNotContain(ApiKey);
    }

    private sealed class ThrowingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("Connection refused");
    }

    private sealed class CancellingHandler(CancellationTokenSource cts) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            cts.Cancel();
            return Task.FromCanceled<HttpResponseMessage>(cancellationToken);
        }
    }
}
