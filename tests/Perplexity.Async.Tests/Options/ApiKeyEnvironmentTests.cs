using System.Net.Http;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Options;

[Collection(ProcessEnvironment.Name)]
public sealed class ApiKeyEnvironmentTests
{
    private const string Variable = "PERPLEXITY_API_KEY";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task GetAsync_NoKeyInOptions_SendsTheEnvironmentKey(string? optionsKey)
    {
        using var scope = new EnvironmentVariableScope(Variable, "env-key-0123456789");
        var handler = StubHandler.Json();
        using var client = new PerplexityAsyncClient(new HttpClient(handler), new PerplexityAsyncClientOptions { ApiKey = optionsKey });

        await client.Sonar.GetAsync("job-1");

        handler.Requests.ShouldHaveSingleItem().Headers.Authorization!.ToString().ShouldBe("Bearer env-key-0123456789");
    }

    [Fact]
    public async Task GetAsync_NullOptions_UsesTheEnvironmentKeyAndTheDefaultBaseAddress()
    {
        using var scope = new EnvironmentVariableScope(Variable, "env-key-0123456789");
        var handler = StubHandler.Json();
        using var client = new PerplexityAsyncClient(new HttpClient(handler));

        await client.ChatCompletions.GetAsync("job-1");

        var request = handler.Requests.ShouldHaveSingleItem();
        request.RequestUri.ShouldBe(new Uri("https://api.perplexity.ai/async/chat/completions/job-1"));
        request.Headers.Authorization!.ToString().ShouldBe("Bearer env-key-0123456789");
    }

    [Fact]
    public async Task GetAsync_KeyInOptionsAndEnvironment_PrefersTheOptions()
    {
        using var scope = new EnvironmentVariableScope(Variable, "env-key-0123456789");
        var handler = StubHandler.Json();
        using var client = new PerplexityAsyncClient(new HttpClient(handler), new PerplexityAsyncClientOptions { ApiKey = "options-key" });

        await client.Sonar.GetAsync("job-1");

        handler.Requests.ShouldHaveSingleItem().Headers.Authorization!.ToString().ShouldBe("Bearer options-key");
    }

    [Fact]
    public async Task GetAsync_EnvironmentChangedAfterConstruction_KeepsTheKeyReadAtConstruction()
    {
        var handler = StubHandler.Json();
        PerplexityAsyncClient client;
        using (new EnvironmentVariableScope(Variable, "first-key"))
        {
            client = new PerplexityAsyncClient(new HttpClient(handler));
        }

        using (new EnvironmentVariableScope(Variable, "second-key"))
        using (client)
        {
            await client.Sonar.GetAsync("job-1");
        }

        handler.Requests.ShouldHaveSingleItem().Headers.Authorization!.ToString().ShouldBe("Bearer first-key");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_NoKeyAnywhere_FailsNamingTheSettingAndTheVariable(string? environmentValue)
    {
        using var scope = new EnvironmentVariableScope(Variable, environmentValue);

        var result = new PerplexityAsyncClientOptionsValidator().Validate(null, new PerplexityAsyncClientOptions());

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("ApiKey");
        result.FailureMessage.ShouldContain(Variable);
    }

    [Fact]
    public void Validate_KeyOnlyInEnvironment_Succeeds()
    {
        using var scope = new EnvironmentVariableScope(Variable, "env-key-0123456789");

        new PerplexityAsyncClientOptionsValidator().Validate(null, new PerplexityAsyncClientOptions()).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Constructors_NoKeyAnywhere_ThrowArgumentExceptionNamingTheSetting()
    {
        using var scope = new EnvironmentVariableScope(Variable, null);

        var fromOptions = Should.Throw<ArgumentException>(() => new PerplexityAsyncClient(new PerplexityAsyncClientOptions()));
        using var httpClient = new HttpClient();
        var fromHttpClient = Should.Throw<ArgumentException>(() => new PerplexityAsyncClient(httpClient));

        fromOptions.ParamName.ShouldBe("options");
        fromOptions.Message.ShouldContain("ApiKey");
        fromOptions.Message.ShouldContain(Variable);
        fromHttpClient.Message.ShouldContain("ApiKey");
    }

    [Fact]
    public void ToString_KeyOnlyInEnvironment_NeitherReadsNorPrintsIt()
    {
        using var scope = new EnvironmentVariableScope(Variable, "env-key-0123456789");

        var text = new PerplexityAsyncClientOptions().ToString();

        text.ShouldNotContain("env-key-0123456789");
        text.ShouldContain("ApiKey = (not set)");
    }
}
