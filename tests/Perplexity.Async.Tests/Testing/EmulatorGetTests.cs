using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using Perplexity.Async.Testing;

namespace Perplexity.Async.Tests.Testing;

public sealed class EmulatorGetTests : IDisposable
{
    private readonly EmulatorHarness _harness = new();

    [Theory]
    [InlineData(EmulatorHarness.Sonar)]
    [InlineData(EmulatorHarness.Legacy)]
    public async Task Get_UnknownId_Answers404WithDetail(string route)
    {
        var (status, json) = await _harness.SendAsync(HttpMethod.Get, $"{route}/nope");

        status.ShouldBe(HttpStatusCode.NotFound);
        json!["detail"]!.GetValue<string>().ShouldContain("nope");
    }

    [Fact]
    public async Task Get_AJobCreatedOnTheOtherRoute_FindsIt()
    {
        var id = (string)(await _harness.CreateAsync(EmulatorHarness.Legacy, "q"))["id"]!;

        var job = await _harness.GetJsonAsync($"{EmulatorHarness.Sonar}/{id}");

        job!["id"]!.GetValue<string>().ShouldBe(id);
    }

    [Fact]
    public async Task Get_WithATrailingSlashAfterTheId_AnswersTheListAsTheApiDoes()
    {
        var id = (string)(await _harness.CreateAsync(EmulatorHarness.Sonar, "q"))["id"]!;

        var json = await _harness.GetJsonAsync($"{EmulatorHarness.Sonar}/{id}/");

        json!["requests"]!.AsArray().ShouldHaveSingleItem()!["id"]!.GetValue<string>().ShouldBe(id);
        json["id"].ShouldBeNull();
    }

    [Fact]
    public async Task Get_AnEscapedId_IsUnescaped()
    {
        _harness.Emulator.AddJob("q", id: "a b+c");

        var json = await _harness.GetJsonAsync($"{EmulatorHarness.Sonar}/{Uri.EscapeDataString("a b+c")}");

        json!["id"]!.GetValue<string>().ShouldBe("a b+c");
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("True")]
    public async Task Get_WithABooleanLocalMode_Answers(string value)
    {
        var job = _harness.Emulator.AddJob("q");

        var (status, _) = await _harness.SendAsync(HttpMethod.Get, $"{EmulatorHarness.Sonar}/{job.Id}?local_mode={value}");

        status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_WithANonBooleanLocalMode_Answers422()
    {
        var job = _harness.Emulator.AddJob("q");

        var (status, json) = await _harness.SendAsync(HttpMethod.Get, $"{EmulatorHarness.Sonar}/{job.Id}?local_mode=maybe");

        status.ShouldBe((HttpStatusCode)422);
        json!["detail"]![0]!["type"]!.GetValue<string>().ShouldBe("bool_parsing");
    }

    [Theory]
    [InlineData("v1/async/chat/completions")]
    [InlineData("async/sonar")]
    [InlineData("v1/async/sonar/a/b")]
    [InlineData("v2/async/sonar")]
    [InlineData("")]
    public async Task Get_AnUnknownPath_Answers404(string path)
    {
        var (status, json) = await _harness.SendAsync(HttpMethod.Get, path);

        status.ShouldBe(HttpStatusCode.NotFound);
        json!["detail"]!.GetValue<string>().ShouldBe("Not Found");
    }

    [Fact]
    public async Task Delete_AJob_IsMethodNotAllowed()
    {
        var job = _harness.Emulator.AddJob("q");

        var (status, _) = await _harness.SendAsync(HttpMethod.Delete, $"{EmulatorHarness.Sonar}/{job.Id}");

        status.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Get_UnderAConfiguredBasePath_MatchesRoutesBelowIt()
    {
        using var emulator = new PerplexityEmulator(new PerplexityEmulatorOptions { BaseAddress = new Uri("https://gateway.example/perplexity") });
        using var http = emulator.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "k");
        var job = emulator.AddJob("q");

        (await http.GetAsync($"v1/async/sonar/{job.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.GetAsync($"https://gateway.example/v1/async/sonar/{job.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        emulator.BaseAddress.ShouldBe(new Uri("https://gateway.example/perplexity/"));
    }

    public void Dispose() => _harness.Dispose();
}
