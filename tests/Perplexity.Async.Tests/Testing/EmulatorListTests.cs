using System.Net;
using System.Net.Http;

namespace Perplexity.Async.Tests.Testing;

public sealed class EmulatorListTests : IDisposable
{
    private readonly EmulatorHarness _harness = new();

    [Theory]
    [InlineData(EmulatorHarness.Sonar)]
    [InlineData(EmulatorHarness.Legacy)]
    public async Task List_Empty_AnswersNoRequestsAndANullToken(string route)
    {
        var json = await _harness.GetJsonAsync(route);

        json!.ToJsonString().ShouldBe("{\"requests\":[],\"next_token\":null}");
    }

    [Fact]
    public async Task List_ShowsEachJobsSummaryNewestFirst()
    {
        var first = (string)(await _harness.CreateAsync(EmulatorHarness.Sonar, "one", model: "sonar"))["id"]!;
        _harness.Time.Advance(TimeSpan.FromSeconds(2));
        var second = (string)(await _harness.CreateAsync(EmulatorHarness.Legacy, "two", model: "sonar-pro"))["id"]!;
        _harness.Emulator.Script.ForJob(first).FailWith("boom");
        _harness.Time.Advance(TimeSpan.FromSeconds(2));

        var requests = (await _harness.GetJsonAsync(EmulatorHarness.Sonar))!["requests"]!.AsArray();

        requests.Select(r => (string)r!["id"]!).ShouldBe([second, first]);
        requests[0]!.AsObject().Select(p => p.Key).ShouldBe(["id", "model", "created_at", "status", "started_at", "completed_at", "failed_at"]);
        requests[0]!["model"]!.GetValue<string>().ShouldBe("sonar-pro");
        requests[0]!["status"]!.GetValue<string>().ShouldBe("IN_PROGRESS");
        requests[0]!["completed_at"].ShouldBeNull();
        requests[1]!["status"]!.GetValue<string>().ShouldBe("FAILED");
        requests[1]!["failed_at"]!.GetValue<long>().ShouldBe(EmulatorHarness.Start.AddSeconds(4).ToUnixTimeSeconds());
    }

    [Fact]
    public async Task List_WithLimit_PagesWithNextTokenUntilTheEnd()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(_harness.Emulator.AddJob($"q{i}").Id);
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var query = "?limit=2" + (token is null ? "" : "&next_token=" + Uri.EscapeDataString(token));
            var page = (await _harness.GetJsonAsync(EmulatorHarness.Sonar + query))!;
            page["requests"]!.AsArray().Count.ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(page["requests"]!.AsArray().Select(r => (string)r!["id"]!));
            token = (string?)page["next_token"];
            pages++;
        }
        while (token is not null);

        pages.ShouldBe(3);
        seen.ShouldBe(Enumerable.Reverse(ids));
    }

    [Fact]
    public async Task List_WhenJobsAreAddedBetweenPages_DoesNotRepeatOrSkip()
    {
        var a = _harness.Emulator.AddJob("a").Id;
        var b = _harness.Emulator.AddJob("b").Id;
        var first = (await _harness.GetJsonAsync(EmulatorHarness.Sonar + "?limit=1"))!;
        _harness.Emulator.AddJob("c");

        var second = (await _harness.GetJsonAsync(EmulatorHarness.Sonar + "?limit=5&next_token=" + Uri.EscapeDataString((string)first["next_token"]!)))!;

        ((string)first["requests"]![0]!["id"]!).ShouldBe(b);
        second["requests"]!.AsArray().Select(r => (string)r!["id"]!).ShouldBe([a]);
        second["next_token"].ShouldBeNull();
    }

    [Fact]
    public async Task List_WithoutLimit_AnswersTwentyByDefault()
    {
        for (var i = 0; i < 21; i++)
        {
            _harness.Emulator.AddJob("q");
        }

        var page = (await _harness.GetJsonAsync(EmulatorHarness.Sonar))!;

        page["requests"]!.AsArray().Count.ShouldBe(20);
        page["next_token"].ShouldNotBeNull();
    }

    [Theory]
    [InlineData("limit=0", "limit", "greater_than_equal")]
    [InlineData("limit=ten", "limit", "int_parsing")]
    [InlineData("next_token=%21%21", "next_token", "value_error")]
    [InlineData("next_token=bm90LWEtbnVtYmVy", "next_token", "value_error")]
    public async Task List_WithBadQuery_Answers422(string query, string parameter, string type)
    {
        var (status, json) = await _harness.SendAsync(HttpMethod.Get, EmulatorHarness.Sonar + "?" + query);

        status.ShouldBe((HttpStatusCode)422);
        var error = json!["detail"]![0]!;
        error["loc"]![1]!.GetValue<string>().ShouldBe(parameter);
        error["type"]!.GetValue<string>().ShouldBe(type);
    }

    public void Dispose() => _harness.Dispose();
}
