using System.Net.Http;
using System.Threading;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests;

public sealed class PerplexityAsyncClientTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t")]
    public void Constructor_MissingApiKey_ThrowsArgumentExceptionNamingIt(string? apiKey)
    {
        var ex = Should.Throw<ArgumentException>(() => new PerplexityAsyncClient(apiKey!));

        ex.ParamName.ShouldBe("apiKey");
        ex.Message.ShouldContain("API key");
    }

    [Fact]
    public void Constructor_NullOptions_ThrowsArgumentNullException()
    {
        Should.Throw<ArgumentNullException>(() => new PerplexityAsyncClient((PerplexityAsyncClientOptions)null!)).ParamName.ShouldBe("options");
    }

    [Fact]
    public void Constructor_NullHttpClient_ThrowsArgumentNullException()
    {
        Should.Throw<ArgumentNullException>(() => new PerplexityAsyncClient((HttpClient)null!, new PerplexityAsyncClientOptions { ApiKey = "k" }))
            .ParamName.ShouldBe("httpClient");
    }

    [Theory]
    [InlineData("http://api.perplexity.ai/", 1, "BaseAddress")]
    [InlineData("https://api.perplexity.ai/", 0, "MaxResponseContentBytes")]
    public void Constructor_InvalidOptions_ThrowsArgumentExceptionNamingTheSettingButNotTheKey(string address, long limit, string setting)
    {
        var options = new PerplexityAsyncClientOptions { ApiKey = "pplx-secret-key", BaseAddress = new Uri(address), MaxResponseContentBytes = limit };
        using var httpClient = new HttpClient();

        var fromOptions = Should.Throw<ArgumentException>(() => new PerplexityAsyncClient(options));
        var fromHttpClient = Should.Throw<ArgumentException>(() => new PerplexityAsyncClient(httpClient, options));

        foreach (var ex in new[] { fromOptions, fromHttpClient })
        {
            ex.ParamName.ShouldBe("options");
            ex.Message.ShouldContain(setting);
            ex.Message.ShouldNotContain("pplx-secret-key");
        }
    }

    [Fact]
    public void Constructor_ApiKey_ExposesBothRoutes()
    {
        using var client = new PerplexityAsyncClient("pplx-key");

        client.Sonar.Route.ShouldBe("v1/async/sonar");
        client.ChatCompletions.Route.ShouldBe("async/chat/completions");
        client.Sonar.ShouldNotBeSameAs(client.ChatCompletions);
    }

    [Fact]
    public void Dispose_CalledTwice_DoesNotThrow()
    {
        var client = new PerplexityAsyncClient("pplx-key");

        client.Dispose();

        Should.NotThrow(client.Dispose);
    }

    [Fact]
    public async Task GetAsync_OnAMock_ReturnsTheMockedJob()
    {
        var job = Fixture.Envelope("created.json");
        PerplexityAsyncClient client = new MockClient(new MockCompletions(job));

        var result = await client.Sonar.GetAsync("anything");

        result.ShouldBeSameAs(job);
    }

    private sealed class MockClient(AsyncCompletionsClient completions) : PerplexityAsyncClient
    {
        public override AsyncCompletionsClient Sonar => completions;

        public override AsyncCompletionsClient ChatCompletions => completions;
    }

    private sealed class MockCompletions(AsyncApiChatCompletionsResponse job) : AsyncCompletionsClient
    {
        public override Task<AsyncApiChatCompletionsResponse> GetAsync(string requestId, AsyncRequestOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(job);
    }
}
