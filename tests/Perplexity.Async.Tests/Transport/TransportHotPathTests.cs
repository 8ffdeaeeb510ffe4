using System.Net;
using System.Net.Http;
using System.Threading;
using Perplexity.Async.Tests.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Perplexity.Async.Tests.Transport;

/// <summary>
/// The request the transport builds from prebuilt raw header values and a string-joined URI (the allocation-free
/// hot path the benchmarks measure) is the same request as before, on the wire.
/// </summary>
public sealed class TransportHotPathTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private const string CreatedBody = """{"id":"req 1/x","model":"sonar","created_at":1763870400,"status":"CREATED"}""";

    [Fact]
    public async Task GetAsync_OverASocket_SendsBearerKeyAndAcceptJson()
    {
        Server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(CreatedBody));
        var client = CreateSut();

        await client.Sonar.GetAsync("req 1/x");

        var request = Server.LogEntries.ShouldHaveSingleItem().RequestMessage.ShouldNotBeNull();
        request.Headers!["Authorization"].ShouldBe(["Bearer " + ApiKey]);
        request.Headers["Accept"].ShouldBe(["application/json"]);
    }

    [Theory]
    [InlineData("https://proxy.example/perplexity", "https://proxy.example/perplexity/v1/async/sonar/req%201%2Fx?local_mode=true")]
    [InlineData("https://proxy.example/perplexity/", "https://proxy.example/perplexity/v1/async/sonar/req%201%2Fx?local_mode=true")]
    [InlineData("https://api.perplexity.ai", "https://api.perplexity.ai/v1/async/sonar/req%201%2Fx?local_mode=true")]
    [InlineData("http://127.0.0.1:8080/", "http://127.0.0.1:8080/v1/async/sonar/req%201%2Fx?local_mode=true")]
    public async Task GetAsync_BaseAddressWithOrWithoutPath_JoinsPathEscapedIdAndQuery(string baseAddress, string expected)
    {
        var handler = new RawContentTypeHandler("application/json");
        using var client = new PerplexityAsyncClient(
            new HttpClient(handler), new PerplexityAsyncClientOptions { ApiKey = ApiKey, BaseAddress = new Uri(baseAddress) });

        await client.Sonar.GetAsync("req 1/x", new AsyncRequestOptions { LocalMode = true });

        handler.LastRequestUri.ShouldNotBeNull().AbsoluteUri.ShouldBe(expected);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("APPLICATION/JSON")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/problem+json")]
    public async Task GetAsync_JsonContentTypeVariants_ReadsBody(string contentType)
    {
        using var client = InMemory(contentType);

        var job = await client.Sonar.GetAsync("req 1/x");

        job.Status.ShouldBe(AsyncProcessingStatus.Created);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("text/html; charset=utf-8")]
    public async Task GetAsync_NonJsonContentType_ThrowsProtocolErrorNamingIt(string contentType)
    {
        using var client = InMemory(contentType);

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(() => client.Sonar.GetAsync("req 1/x"));

        ex.Message.ShouldContain("'text/html'");
    }

    [Theory]
    [InlineData("pplx-abc\r\nX-Injected: 1")]
    [InlineData("pplx-abc\n")]
    [InlineData("pplx-\0abc")]
    public void Constructor_ApiKeyWithLineBreakOrNul_ThrowsWithoutPrintingTheKey(string apiKey)
    {
        var ex = Should.Throw<ArgumentException>(() => new PerplexityAsyncClient(new PerplexityAsyncClientOptions { ApiKey = apiKey }));

        ex.Message.ShouldContain("ApiKey contains a line break or NUL character");
        ex.Message.ShouldNotContain("pplx-");
    }

    private static PerplexityAsyncClient InMemory(string contentType) =>
        new(new HttpClient(new RawContentTypeHandler(contentType)), new PerplexityAsyncClientOptions { ApiKey = ApiKey });

    private sealed class RawContentTypeHandler(string contentType) : HttpMessageHandler
    {
        public Uri? LastRequestUri { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            LastRequestUri = request.RequestUri;
            var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(CreatedBody));
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }
}
