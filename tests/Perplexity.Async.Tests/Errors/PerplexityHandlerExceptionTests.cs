using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Perplexity.Async.Tests.TestSupport;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;

namespace Perplexity.Async.Tests.Errors;

/// <summary>
/// What the caller's own handlers throw reaches the caller typed: a <see cref="PerplexityHandlerException"/> naming
/// the request, with the original (sanitized) inside and a Polly rejection's RetryAfter; never for cancellations,
/// network failures or the SDK's own exceptions.
/// </summary>
public sealed class PerplexityHandlerExceptionTests
{
    private const string Key = "pplx-handler-key-0123456789";

    [Fact]
    public async Task GetAsync_StandardResilienceHandlerCircuitIsOpen_ThrowsHandlerExceptionWithTheBreaksRetryAfter()
    {
        await using var server = new RawHttpServer(_ => RawHttpServer.Json("""{"error":{"message":"down"}}""", status: 500));
        var services = new ServiceCollection();
        services.AddPerplexityAsync(o => Configure(o, server.BaseAddress))
            .AddStandardResilienceHandler(o =>
            {
                o.Retry.ShouldHandle = _ => ValueTask.FromResult(false);
                o.CircuitBreaker.MinimumThroughput = 2;
                o.CircuitBreaker.FailureRatio = 0.5;
                o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(30);
            });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<PerplexityAsyncClient>();
        await Should.ThrowAsync<PerplexityServerException>(client.Sonar.GetAsync("job-1"));
        await Should.ThrowAsync<PerplexityServerException>(client.Sonar.GetAsync("job-1"));

        var thrown = await Should.ThrowAsync<PerplexityException>(client.Sonar.GetAsync("job-3"));

        var ex = thrown.ShouldBeOfType<PerplexityHandlerException>();
        ex.InnerException.ShouldBeOfType<BrokenCircuitException>();
        ex.RetryAfter.ShouldNotBeNull();
        ex.RetryAfter.Value.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        ex.Message.ShouldContain("GET v1/async/sonar/{api_request}");
        ex.Message.ShouldContain("'job-3'");
        server.Requests.Count.ShouldBe(2, "the open circuit sent nothing");
    }

    [Fact]
    public async Task GetAsync_RateLimiterRejects_ThrowsHandlerExceptionWithTheLeasesRetryAfter()
    {
        await using var server = new RawHttpServer(_ => RawHttpServer.Json("""{"id":"job-1","model":"sonar","created_at":1,"status":"CREATED"}"""));
        using var limiter = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = 1, QueueLimit = 0, Window = TimeSpan.FromMinutes(1) });
        var services = new ServiceCollection();
        services.AddPerplexityAsync(o => Configure(o, server.BaseAddress)).AddResilienceHandler("limit", b => b.AddRateLimiter(limiter));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<PerplexityAsyncClient>();
        await client.Sonar.GetAsync("job-1");

        var thrown = await Should.ThrowAsync<PerplexityException>(client.Sonar.GetAsync("job-1"));

        var ex = thrown.ShouldBeOfType<PerplexityHandlerException>();
        ex.InnerException.ShouldBeOfType<RateLimiterRejectedException>();
        ex.RetryAfter.ShouldNotBeNull();
        ex.RetryAfter.Value.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task GetAsync_DelegatingHandlerThrowsWithTheKeyInItsMessage_ThrowsHandlerExceptionWithTheKeyMasked()
    {
        using var client = Client(new ThrowingHandler(request => new InvalidOperationException($"boom: {request.Headers.Authorization}")));

        var thrown = await Should.ThrowAsync<PerplexityException>(client.Sonar.GetAsync("job-1"));

        var ex = thrown.ShouldBeOfType<PerplexityHandlerException>();
        ex.RetryAfter.ShouldBeNull();
        ex.InnerException.ShouldBeOfType<InvalidOperationException>().Message.ShouldBe("boom: Bearer [REDACTED]");
        ex.Message.ShouldContain("System.InvalidOperationException: boom: Bearer [REDACTED]");
        ex.ToString().ShouldNotContain(Key);
    }

    [Fact]
    public async Task GetAsync_HandlerThrowsHttpRequestException_ThrowsConnectionExceptionNotHandlerException()
    {
        using var client = Client(new ThrowingHandler(_ => new HttpRequestException("refused")));

        await Should.ThrowAsync<PerplexityConnectionException>(client.Sonar.GetAsync("job-1"));
    }

    [Fact]
    public async Task GetAsync_HandlerThrowsTheSdksOwnException_PassesItThroughUnwrapped()
    {
        var own = new PerplexityProtocolException("from a nested SDK call");
        using var client = Client(new ThrowingHandler(_ => own));

        (await Should.ThrowAsync<PerplexityProtocolException>(client.Sonar.GetAsync("job-1"))).ShouldBeSameAs(own);
    }

    [Fact]
    public async Task GetAsync_CallerCancelsWhileAHandlerRuns_ThrowsOperationCanceledException()
    {
        using var cts = new CancellationTokenSource();
        using var client = Client(new ThrowingHandler(_ =>
        {
            cts.Cancel();
            return new OperationCanceledException(cts.Token);
        }));

        var ex = await Should.ThrowAsync<OperationCanceledException>(client.Sonar.GetAsync("job-1", cts.Token));

        ex.ShouldNotBeAssignableTo<PerplexityException>();
    }

    private static PerplexityAsyncClient Client(HttpMessageHandler handler) =>
        new(new HttpClient(handler), new PerplexityAsyncClientOptions { ApiKey = Key, BaseAddress = new Uri("https://api.example.test/"), MaxRetries = 0 });

    private static void Configure(PerplexityAsyncClientOptions options, Uri baseAddress)
    {
        options.ApiKey = Key;
        options.BaseAddress = baseAddress;
        options.MaxRetries = 0;
    }

    private sealed class ThrowingHandler(Func<HttpRequestMessage, Exception> exception) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromException<HttpResponseMessage>(exception(request));
    }
}
