using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Perplexity.Async.Testing;

namespace Perplexity.Async.Tests.Testing;

public sealed class EmulatorAuthTests
{
    [Fact]
    public async Task Request_WithoutAuthorization_Answers401WithTheErrorShape()
    {
        using var emulator = new PerplexityEmulator();
        using var http = emulator.CreateHttpClient();

        using var response = await http.GetAsync(EmulatorHarness.Sonar);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        error["message"]!.GetValue<string>().ShouldContain("Bearer");
        error["type"]!.GetValue<string>().ShouldBe("missing_api_key");
        error["code"]!.GetValue<int>().ShouldBe(401);
    }

    [Theory]
    [InlineData("Basic", "dXNlcjpwYXNz")]
    [InlineData("Bearer", " ")]
    public async Task Request_WithANonBearerOrEmptyKey_Answers401(string scheme, string parameter)
    {
        using var emulator = new PerplexityEmulator();
        using var http = emulator.CreateHttpClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", scheme + " " + parameter);

        using var response = await http.GetAsync(EmulatorHarness.Sonar);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Request_WithAnyKey_WhenNoneIsConfigured_IsAccepted()
    {
        using var emulator = new PerplexityEmulator();
        using var http = emulator.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("bearer", "whatever");

        using var response = await http.GetAsync(EmulatorHarness.Sonar);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Request_WithTheWrongKey_WhenOneIsConfigured_Answers401InvalidKey()
    {
        using var emulator = new PerplexityEmulator(new PerplexityEmulatorOptions { ApiKey = "pplx-right" });
        using var http = emulator.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "pplx-wrong");

        using var response = await http.GetAsync(EmulatorHarness.Sonar);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["type"]!.GetValue<string>().ShouldBe("invalid_api_key");
    }

    [Fact]
    public async Task SdkGet_WithTheWrongKey_ThrowsAuthenticationException()
    {
        using var emulator = new PerplexityEmulator(new PerplexityEmulatorOptions { ApiKey = "pplx-right" });
        var job = emulator.AddJob("q");
        using var client = emulator.CreateClient(new PerplexityAsyncClientOptions { ApiKey = "pplx-wrong" });

        var ex = await Should.ThrowAsync<PerplexityAuthenticationException>(() => client.Sonar.GetAsync(job.Id));

        ex.ErrorType.ShouldBe("invalid_api_key");
        ex.Message.ShouldNotContain("pplx-wrong");
    }

    [Fact]
    public async Task SdkGet_FromCreateClient_SendsTheConfiguredKey()
    {
        using var emulator = new PerplexityEmulator(new PerplexityEmulatorOptions { ApiKey = "pplx-right" });
        var job = emulator.AddJob("q");
        using var client = emulator.CreateClient();

        await client.Sonar.GetAsync(job.Id);

        emulator.Requests.ShouldHaveSingleItem().Header("Authorization").ShouldBe("Bearer pplx-right");
    }

    [Fact]
    public void Constructor_WithAWhitespaceKey_Throws() =>
        Should.Throw<ArgumentException>(() => new PerplexityEmulator(new PerplexityEmulatorOptions { ApiKey = " " }))
            .Message.ShouldContain(nameof(PerplexityEmulatorOptions.ApiKey));
}
