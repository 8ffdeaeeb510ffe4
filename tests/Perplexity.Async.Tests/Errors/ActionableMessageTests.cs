using System.Net;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Errors;

/// <summary>Messages that say what to do: the URL that was requested, where to look, which setting or client.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ActionableMessageTests
{
    private const string Key = "pplx-actionable-0123456789";
    private static readonly Uri WrongBase = new("https://proxy.example.com/perplexity/");

    [Fact]
    public async Task GetAsync_404_NamesTheRequestedUrlAndBaseAddress()
    {
        using var client = Client(Respond(HttpStatusCode.NotFound, """{"detail":"Not Found"}"""), WrongBase);

        var ex = await Should.ThrowAsync<PerplexityNotFoundException>(() => client.Agent.GetAsync("resp_1", CancellationToken.None));

        ex.Message.ShouldContain("GET https://proxy.example.com/perplexity/v1/responses/resp_1");
        ex.Message.ShouldContain("BaseAddress (https://proxy.example.com/perplexity/)");
        ex.Message.ShouldContain("https://api.perplexity.ai/");
    }

    [Fact]
    public async Task CreateAsync_404WithoutId_SaysTheAddressServesNoSuchRoute()
    {
        using var client = Client(Respond(HttpStatusCode.NotFound, "<html>nope</html>", "text/html"), WrongBase);

        var ex = await Should.ThrowAsync<PerplexityNotFoundException>(
            () => client.Agent.CreateAsync(new AgentRequest { Preset = AgentPreset.Fast, Input = "hi" }, CancellationToken.None));

        ex.Message.ShouldContain("POST https://proxy.example.com/perplexity/v1/agent");
        ex.Message.ShouldContain("BaseAddress");
    }

    [Theory]
    [InlineData("""{"error":{"message":"resource not found.","type":"not_found"}}""")]
    [InlineData("""{"detail":"Async request 'job-1' not found."}""")]
    public async Task GetAsync_ReasonEndingWithAPeriod_HasNoDoubledPeriod(string body)
    {
        using var client = Client(Respond(HttpStatusCode.NotFound, body));

        var ex = await Should.ThrowAsync<PerplexityNotFoundException>(() => client.Sonar.GetAsync("job-1"));

        ex.Message.ShouldNotContain("..");
    }

    [Theory]
    [InlineData("""{"error":{"message":"bad","type":"invalid_request"}}""", "(type 'invalid_request')")]
    [InlineData("""{"error":{"message":"bad","code":"E1"}}""", "(code 'E1')")]
    public async Task GetAsync_TypeOrCodeMissing_NamesOnlyWhatWasSent(string body, string expected)
    {
        using var client = Client(Respond(HttpStatusCode.BadRequest, body));

        var ex = await Should.ThrowAsync<PerplexityBadRequestException>(() => client.Sonar.GetAsync("job-1"));

        ex.Message.ShouldContain(expected);
        ex.Message.ShouldNotContain("'-'");
    }

    [Fact]
    public async Task GetAsync_HtmlInsteadOfJson_ProtocolErrorNamesTheUrlAndBaseAddress()
    {
        using var client = Client(Respond(HttpStatusCode.OK, "<html>a web page</html>", "text/html"), WrongBase);

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(() => client.Agent.GetAsync("resp_1", CancellationToken.None));

        ex.Message.ShouldContain("GET https://proxy.example.com/perplexity/v1/responses/resp_1");
        ex.Message.ShouldContain("BaseAddress (https://proxy.example.com/perplexity/)");
    }

    [Fact]
    public async Task GetAsync_MalformedJson_ProtocolErrorNamesTheUrl()
    {
        using var client = Client(Respond(HttpStatusCode.OK, "{not json"));

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(() => client.Agent.GetAsync("resp_1", CancellationToken.None));

        ex.Message.ShouldContain("GET https://api.perplexity.ai/v1/responses/resp_1");
    }

    [Fact]
    public async Task GetAsync_404_UrlIsRedacted()
    {
        using var client = Client(Respond(HttpStatusCode.NotFound, "{}"));

        var ex = await Should.ThrowAsync<PerplexityNotFoundException>(() => client.Agent.GetAsync("id-" + Key, CancellationToken.None));

        ex.Message.ShouldNotContain(Key);
        ex.Message.ShouldContain("https://api.perplexity.ai/v1/responses/");
    }

    [Fact]
    public void Constructor_MissingKey_NamesTheEnvironmentVariable()
    {
        var ex = Should.Throw<ArgumentException>(() => new PerplexityAsyncClient(" "));

        ex.Message.ShouldContain("PERPLEXITY_API_KEY");
    }

    [Fact]
    public void Constructor_OptionsWithoutKey_NamesTheSettingAndTheEnvironmentVariable()
    {
        using var scope = new EnvironmentVariableScope("PERPLEXITY_API_KEY", null);

        var ex = Should.Throw<ArgumentException>(() => new PerplexityAsyncClient(new PerplexityAsyncClientOptions()));

        ex.Message.ShouldContain("ApiKey");
        ex.Message.ShouldContain("PERPLEXITY_API_KEY");
    }

    [Fact]
    public void KeyedClient_MissingKey_NamesTheClientAndTheConfigurationPath()
    {
        using var scope = new EnvironmentVariableScope("PERPLEXITY_API_KEY", null);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Perplexity:Research:BaseAddress"] = "https://api.perplexity.ai/" })
            .Build();
        var services = new ServiceCollection();
        services.AddPerplexityAsync("research", configuration.GetSection("Perplexity:Research"));
        using var provider = services.BuildServiceProvider();

        var ex = Should.Throw<OptionsValidationException>(() => provider.GetRequiredKeyedService<PerplexityAsyncClient>("research"));

        ex.Message.ShouldContain("'research'");
        ex.Message.ShouldContain("Perplexity:Research:ApiKey");
        ex.Message.ShouldContain("PERPLEXITY_API_KEY");
    }

    [Fact]
    public void UnkeyedClient_MissingKeyInCode_NamesTheRegistration()
    {
        using var scope = new EnvironmentVariableScope("PERPLEXITY_API_KEY", null);
        var services = new ServiceCollection();
        services.AddPerplexityAsync(o => o.MaxRetries = 0);
        using var provider = services.BuildServiceProvider();

        var ex = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<PerplexityAsyncClient>());

        ex.Message.ShouldContain("AddPerplexityAsync");
        ex.Message.ShouldContain("PERPLEXITY_API_KEY");
    }

    [Fact]
    public async Task KeyedClient_UsedAfterItsScopeEnded_NamesTheClient()
    {
        var services = new ServiceCollection();
        services.AddPerplexityAsync("research", o => o.ApiKey = Key).ConfigurePrimaryHttpMessageHandler(() => StubHandler.Json());
        using var provider = services.BuildServiceProvider();
        PerplexityAsyncClient client;
        using (var serviceScope = provider.CreateScope())
        {
            client = serviceScope.ServiceProvider.GetRequiredKeyedService<PerplexityAsyncClient>("research");
        }

        var ex = await Should.ThrowAsync<ObjectDisposedException>(() => client.Sonar.GetAsync("job-1"));

        ex.ObjectName.ShouldBe(nameof(PerplexityAsyncClient));
        ex.Message.ShouldContain("'research'");
        ex.Message.ShouldContain("scope");
    }

    [Fact]
    public async Task Client_UsedAfterDispose_NamesItsBaseAddress()
    {
        var client = Client(StubHandler.Json(), WrongBase, owned: true);
        client.Dispose();

        var ex = await Should.ThrowAsync<ObjectDisposedException>(() => client.Sonar.GetAsync("job-1"));

        ex.Message.ShouldContain("https://proxy.example.com/perplexity/");
    }

    private static StubHandler Respond(HttpStatusCode status, string body, string mediaType = "application/json") =>
        new(_ => new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, mediaType) });

    private static PerplexityAsyncClient Client(StubHandler handler, Uri? baseAddress = null, bool owned = false)
    {
        var options = new PerplexityAsyncClientOptions { ApiKey = Key, MaxRetries = 0, BaseAddress = baseAddress ?? PerplexityAsyncClientOptions.DefaultBaseAddress };
        return owned ? new PerplexityAsyncClient(options) : new PerplexityAsyncClient(new HttpClient(handler), options);
    }
}
