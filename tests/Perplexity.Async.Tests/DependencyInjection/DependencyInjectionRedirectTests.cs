using System.Net;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.DependencyInjection;

/// <summary>
/// Clients from <c>AddPerplexityAsync</c> refuse redirects as the constructor's client does: server A (127.0.0.1)
/// redirects to server B under another host name (localhost), over raw sockets. Nothing reaches B; and with a
/// primary handler of the caller's own that follows redirects, B's answer is refused, naming both hosts.
/// </summary>
public sealed class DependencyInjectionRedirectTests : IAsyncDisposable
{
    private const string Key = "pplx-di-redirect-key-0123456789";
    private const string Envelope = """{"id":"job-b","model":"sonar","created_at":1763870400,"status":"COMPLETED"}""";

    private readonly RawHttpServer _b = new(_ => RawHttpServer.Json(Envelope));
    private readonly RawHttpServer _a;

    public DependencyInjectionRedirectTests()
    {
        _a = new RawHttpServer(request => RawHttpServer.Reply(
            $"HTTP/1.1 {(request.Method == "POST" ? 302 : 307)} Redirect",
            [],
            $"Location: http://localhost:{_b.Port}/v1/async/sonar/job-b"));
    }

    [Fact]
    public async Task GetAsync_DefaultHandlerGets307ToAnotherHost_ThrowsApiExceptionAndNothingReachesTheOtherHost()
    {
        await using var provider = Build(_ => { });
        var client = provider.GetRequiredService<PerplexityAsyncClient>();

        var ex = await Should.ThrowAsync<PerplexityApiException>(client.Sonar.GetAsync("job-1"));

        ((int)ex.StatusCode).ShouldBe(307);
        _a.Requests.ShouldHaveSingleItem();
        _b.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateAsync_KeyedClientGets302ToAnotherHost_ThrowsApiExceptionAndNothingReachesTheOtherHost()
    {
        var services = new ServiceCollection();
        services.AddPerplexityAsync("research", o => Configure(o));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredKeyedService<PerplexityAsyncClient>("research");

        var ex = await Should.ThrowAsync<PerplexityApiException>(client.Sonar.CreateAsync(Request()));

        ((int)ex.StatusCode).ShouldBe(302);
        _b.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateAsync_CallersPrimaryHandlerFollows302ToAnotherHost_ThrowsProtocolExceptionNamingBothHosts()
    {
        await using var provider = Build(builder => builder.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = true }));
        var client = provider.GetRequiredService<PerplexityAsyncClient>();

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(client.Sonar.CreateAsync(Request()));

        _b.Requests.ShouldHaveSingleItem().Method.ShouldBe("GET", "the handler turned the create into a GET at the other host");
        ex.Message.ShouldContain($"127.0.0.1:{_a.Port}");
        ex.Message.ShouldContain($"localhost:{_b.Port}");
        ex.StatusCode.ShouldBe(HttpStatusCode.OK);
        ex.ToString().ShouldNotContain(Key);
    }

    public async ValueTask DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    private static ChatCompletionRequest Request() =>
        new() { Model = "sonar-deep-research", Messages = [ChatRequestMessage.User("What is L2?")] };

    private ServiceProvider Build(Action<IHttpClientBuilder> configure)
    {
        var services = new ServiceCollection();
        configure(services.AddPerplexityAsync(o => Configure(o)));
        return services.BuildServiceProvider();
    }

    private void Configure(PerplexityAsyncClientOptions options)
    {
        options.ApiKey = Key;
        options.BaseAddress = _a.BaseAddress;
        options.MaxRetries = 0;
    }
}
