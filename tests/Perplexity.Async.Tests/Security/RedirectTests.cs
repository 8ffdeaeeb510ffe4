using System.Net.Http;
using Perplexity.Async.Tests.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Perplexity.Async.Tests.Security;

/// <summary>
/// A server that redirects to another host must not get the key there: the client's own handler does not follow
/// redirects at all (a 3xx is a <see cref="PerplexityApiException"/>), and a caller's HttpClient that does follow
/// them drops the Authorization header on the way (.NET's redirect handling), which this pins; the other host's
/// answer is then refused (a <see cref="PerplexityProtocolException"/> naming both hosts).
/// </summary>
public sealed class RedirectTests : IDisposable
{
    private const string Key = "pplx-redirect-key";
    private readonly WireMockServer _a = WireMockServer.Start();
    private readonly WireMockServer _b = WireMockServer.Start();

    public RedirectTests()
    {
        // B is reached under a different host name than A (localhost vs 127.0.0.1), so the redirect crosses hosts.
        var otherHost = new Uri(_a.Url!).Host == "localhost" ? "127.0.0.1" : "localhost";
        var target = new UriBuilder(_b.Url!) { Host = otherHost, Path = "/v1/async/sonar/job-1" }.Uri;
        _a.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", target.AbsoluteUri));
        _b.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(StubHandler.MinimalJob));
    }

    [Fact]
    public async Task GetAsync_OwnHandlerGetsARedirectToAnotherHost_ThrowsApiExceptionAndNeverCallsTheOtherHost()
    {
        using var client = new PerplexityAsyncClient(new PerplexityAsyncClientOptions { ApiKey = Key, BaseAddress = new Uri(_a.Url!), MaxRetries = 0 });

        var ex = await Should.ThrowAsync<PerplexityApiException>(client.Sonar.GetAsync("job-1"));

        ((int)ex.StatusCode).ShouldBe(302);
        _a.LogEntries.Count.ShouldBe(1);
        _b.LogEntries.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetAsync_CallersHttpClientFollowsARedirectToAnotherHost_OtherHostGetsNoAuthorizationAndItsAnswerIsRefused()
    {
        using var httpClient = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true });
        using var client = new PerplexityAsyncClient(httpClient, new PerplexityAsyncClientOptions { ApiKey = Key, BaseAddress = new Uri(_a.Url!), MaxRetries = 0 });

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(client.Sonar.GetAsync("job-1"));

        ex.Message.ShouldContain(new Uri(_a.Url!).Authority);
        ex.Message.ShouldContain("redirected");
        _a.LogEntries[0].RequestMessage!.Headers!["Authorization"].ShouldBe(["Bearer " + Key]);
        var atB = _b.LogEntries.ShouldHaveSingleItem().RequestMessage!;
        (atB.Headers?.ContainsKey("Authorization") ?? false).ShouldBeFalse();
        atB.Headers!.Values.SelectMany(v => v).ShouldNotContain(v => v.Contains(Key, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _a.Stop();
        _b.Stop();
        _a.Dispose();
        _b.Dispose();
    }
}
