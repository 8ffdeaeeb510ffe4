using System.Net;
using System.Text.Json.Nodes;
using Perplexity.Async.Testing;

namespace Perplexity.Async.Tests.Testing.Agent;

public sealed class AgentLifecycleTests : IDisposable
{
    private readonly AgentHarness _harness = new();

    [Fact]
    public void Defaults_ArePinned()
    {
        var options = new PerplexityEmulatorOptions();

        options.AgentFastDuration.ShouldBe(TimeSpan.FromSeconds(4));
        options.AgentLowDuration.ShouldBe(TimeSpan.FromSeconds(10));
        options.AgentMediumDuration.ShouldBe(TimeSpan.FromSeconds(40));
        options.AgentHighDuration.ShouldBe(TimeSpan.FromMinutes(2));
        options.AgentXHighDuration.ShouldBe(TimeSpan.FromMinutes(4));
        options.AgentModelDuration.ShouldBe(TimeSpan.FromSeconds(6));
        options.AgentQueuedDuration.ShouldBe(TimeSpan.FromSeconds(1));
        options.AgentCancelDelay.ShouldBe(TimeSpan.FromSeconds(1));
        options.AgentReplayWindow.ShouldBe(TimeSpan.FromMinutes(10));
        options.AgentKeepAliveInterval.ShouldBe(TimeSpan.FromSeconds(15));
        options.AgentKeepAliveAsComment.ShouldBeFalse();
        options.AgentRateLimit.ShouldBe(50);
        options.AgentAcceptsOptInFields.ShouldBeTrue();
        options.AgentCancelOfUnknownIdIsNotFound.ShouldBeFalse();
        options.AgentMaxRequestBodyBytes.ShouldBe(32L * 1024 * 1024);
        options.RetireLegacyRoutes.ShouldBeFalse();
        EmulatorDefaults.AgentRateLimitWindow.ShouldBe(TimeSpan.FromSeconds(1));
        EmulatorDefaults.AgentPreset.ShouldBe("medium");
    }

    [Fact]
    public void Options_Invalid_AreRejectedNamingTheOption()
    {
        Should.Throw<ArgumentException>(() => new PerplexityEmulator(new PerplexityEmulatorOptions { AgentRateLimit = 0 })).Message.ShouldContain("AgentRateLimit");
        Should.Throw<ArgumentException>(() => new PerplexityEmulator(new PerplexityEmulatorOptions { AgentCancelDelay = TimeSpan.FromSeconds(-1) })).Message.ShouldContain("AgentCancelDelay");
        Should.Throw<ArgumentException>(() => new PerplexityEmulator(new PerplexityEmulatorOptions { AgentKeepAliveInterval = TimeSpan.Zero })).Message.ShouldContain("AgentKeepAliveInterval");
    }

    [Fact]
    public async Task Get_AsTimeAdvances_MovesFromQueuedThroughInProgressWithPartialOutputToCompleted()
    {
        var id = (await _harness.CreateAsync())["id"]!.GetValue<string>();

        _harness.Time.Advance(TimeSpan.FromMilliseconds(999));
        var queued = await _harness.SnapshotAsync(id);
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        var started = await _harness.SnapshotAsync(id);
        _harness.Time.Advance(TimeSpan.FromSeconds(20));
        var searching = await _harness.SnapshotAsync(id);
        _harness.Time.Advance(TimeSpan.FromMilliseconds(18_001));
        var completed = await _harness.SnapshotAsync(id);

        queued["status"]!.GetValue<string>().ShouldBe("queued");
        queued["tools"]!.AsArray().ShouldBeEmpty();
        started["status"]!.GetValue<string>().ShouldBe("in_progress");
        started["tools"]!.ToJsonString().ShouldBe("""[{"type":"web_search"},{"type":"fetch_url"}]""");
        searching["status"]!.GetValue<string>().ShouldBe("in_progress");
        searching["model"]!.GetValue<string>().ShouldBe("medium");
        searching["usage"].ShouldBeNull();
        var partial = searching["output"]!.AsArray().Select(i => i!["type"]!.GetValue<string>()).ToList();
        partial.ShouldNotBeEmpty();
        partial.ShouldAllBe(t => t == "search_results" || t == "fetch_url_results");
        completed["status"]!.GetValue<string>().ShouldBe("completed");
        completed["model"]!.GetValue<string>().ShouldBe("openai/gpt-6-luna");
        completed["output"]!.AsArray().Count.ShouldBeGreaterThan(partial.Count);
    }

    [Fact]
    public async Task Get_CompletedRun_HasCitedMessageSearchResultsAndUsage()
    {
        var id = (await _harness.CreateAsync(AgentHarness.Body("What are the latest battery storage costs?")))["id"]!.GetValue<string>();
        _harness.Time.Advance(TimeSpan.FromSeconds(40));

        var response = await _harness.SnapshotAsync(id);

        var output = response["output"]!.AsArray();
        var searches = output.Where(i => i!["type"]!.GetValue<string>() == "search_results").ToList();
        searches.Count.ShouldBe(3);
        var ids = searches.SelectMany(s => s!["results"]!.AsArray()).Select(r => r!["id"]!.GetValue<int>()).Order().ToList();
        ids.ShouldBe(Enumerable.Range(1, 8).ToList());
        searches[0]!["results"]![0]!["source"]!.GetValue<string>().ShouldBe("web");
        searches[0]!["queries"]!.AsArray().ShouldNotBeEmpty();
        output.Single(i => i!["type"]!.GetValue<string>() == "fetch_url_results")!["contents"]!.AsArray().Count.ShouldBe(2);
        var message = output.Last()!;
        message["type"]!.GetValue<string>().ShouldBe("message");
        message["id"]!.GetValue<string>().ShouldStartWith("msg_");
        message["status"]!.GetValue<string>().ShouldBe("completed");
        var part = message["content"]![0]!;
        part["type"]!.GetValue<string>().ShouldBe("output_text");
        part["annotations"]!.AsArray().ShouldBeEmpty();
        var text = part["text"]!.GetValue<string>();
        text.ShouldContain("battery storage costs");
        text.ShouldContain("[web:1]");
        text.ShouldContain("[web:8]");

        var usage = response["usage"]!;
        var input = usage["input_tokens"]!.GetValue<int>();
        var outputTokens = usage["output_tokens"]!.GetValue<int>();
        usage["total_tokens"]!.GetValue<int>().ShouldBe(input + outputTokens);
        usage["input_tokens_details"]!["cached_tokens"]!.GetValue<int>().ShouldBeGreaterThan(0);
        usage["output_tokens_details"]!["reasoning_tokens"]!.GetValue<int>().ShouldBeGreaterThan(0);
        usage["tool_calls_details"]!["search_web"]!["invocation"]!.GetValue<int>().ShouldBe(3);
        var fetch = usage["tool_calls_details"]!["fetch_url"]!;
        fetch["invocation"]!.GetValue<int>().ShouldBe(2);
        fetch["token_usage"]!.AsArray().Count.ShouldBe(2);
        fetch["token_usage"]![0]!["model"]!.GetValue<string>().ShouldBe("openai/gpt-5-mini");
        var cost = usage["cost"]!;
        cost["currency"]!.GetValue<string>().ShouldBe("USD");
        cost["tool_calls_cost_details"]!["search_web"]!.ToJsonString().ShouldBe("0.0075");
        cost["tool_calls_cost_details"]!["fetch_url"]!.ToJsonString().ShouldBe("0.007");
        var total = cost["input_cost"]!.GetValue<decimal>() + cost["output_cost"]!.GetValue<decimal>()
            + cost["cache_read_cost"]!.GetValue<decimal>() + cost["tool_calls_cost"]!.GetValue<decimal>();
        cost["total_cost"]!.GetValue<decimal>().ShouldBe(total);
        total.ShouldBeInRange(0.01m, 0.03m);
    }

    [Fact]
    public async Task Get_DirectModelWithoutTools_WritesAnAnswerWithoutSearchesAndSparseCost()
    {
        var id = (await _harness.CreateAsync(AgentHarness.Body(preset: null, model: "openai/gpt-5.2")))["id"]!.GetValue<string>();
        _harness.Time.Advance(TimeSpan.FromSeconds(6));

        var response = await _harness.SnapshotAsync(id);

        response["status"]!.GetValue<string>().ShouldBe("completed");
        response["output"]!.AsArray().ShouldHaveSingleItem()!["type"]!.GetValue<string>().ShouldBe("message");
        response["tools"]!.AsArray().ShouldBeEmpty();
        var usage = response["usage"]!.AsObject();
        usage.ContainsKey("tool_calls_details").ShouldBeFalse();
        usage["cost"]!.AsObject().ContainsKey("tool_calls_cost").ShouldBeFalse();
    }

    [Fact]
    public async Task Get_ReStampsCreatedAtOnEveryReadAndSetsCompletedAtOnlyOnceCompleted()
    {
        var created = await _harness.CreateAsync(AgentHarness.Body(preset: "fast"));
        var id = created["id"]!.GetValue<string>();

        _harness.Time.Advance(TimeSpan.FromSeconds(2));
        var running = await _harness.SnapshotAsync(id);
        _harness.Time.Advance(TimeSpan.FromSeconds(30));
        var completed = await _harness.SnapshotAsync(id);

        running["created_at"]!.GetValue<long>().ShouldBe(AgentHarness.Start.ToUnixTimeSeconds() + 2);
        running["completed_at"].ShouldBeNull();
        completed["created_at"]!.GetValue<long>().ShouldBe(AgentHarness.Start.ToUnixTimeSeconds() + 32);
        completed["completed_at"]!.GetValue<long>().ShouldBe(completed["created_at"]!.GetValue<long>());
        completed["service_tier"]!.GetValue<string>().ShouldBe("fast");
    }

    [Theory]
    [InlineData("fast", 4)]
    [InlineData("low", 10)]
    [InlineData("medium", 40)]
    [InlineData("high", 120)]
    [InlineData("xhigh", 240)]
    [InlineData("pro-search", 10)]
    public async Task Get_EachPreset_CompletesAfterItsDefaultDuration(string preset, int seconds)
    {
        var id = (await _harness.CreateAsync(AgentHarness.Body(preset: preset)))["id"]!.GetValue<string>();

        _harness.Time.Advance(TimeSpan.FromSeconds(seconds) - TimeSpan.FromMilliseconds(1));
        var before = await _harness.SnapshotAsync(id);
        _harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        var after = await _harness.SnapshotAsync(id);

        before["status"]!.GetValue<string>().ShouldBe("in_progress");
        after["status"]!.GetValue<string>().ShouldBe("completed");
    }

    [Fact]
    public async Task Get_ConfiguredDurations_AreUsed()
    {
        using var harness = new AgentHarness(o => { o.AgentModelDuration = TimeSpan.FromSeconds(30); o.AgentQueuedDuration = TimeSpan.FromSeconds(5); });
        var id = (await harness.CreateAsync(AgentHarness.Body(preset: null, model: "xai/grok-4")))["id"]!.GetValue<string>();

        harness.Time.Advance(TimeSpan.FromSeconds(4));
        (await harness.SnapshotAsync(id))["status"]!.GetValue<string>().ShouldBe("queued");
        harness.Time.Advance(TimeSpan.FromSeconds(25));
        (await harness.SnapshotAsync(id))["status"]!.GetValue<string>().ShouldBe("in_progress");
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        (await harness.SnapshotAsync(id))["status"]!.GetValue<string>().ShouldBe("completed");
    }

    [Fact]
    public async Task Get_StructuredOutput_AnswersRawJsonTextAndEchoesTextFormat()
    {
        var body = AgentHarness.Body(preset: "fast", background: false);
        body["response_format"] = JsonNode.Parse("""
            {"type":"json_schema","json_schema":{"name":"facts","schema":{"type":"object","properties":{"summary":{"type":"string"},"count":{"type":"integer"},"urls":{"type":"array","items":{"type":"string"}}}}}}
            """);

        var response = await _harness.CreateAsync(body);

        var text = response["output"]!.AsArray().Last()!["content"]![0]!["text"]!.GetValue<string>();
        var answer = JsonNode.Parse(text)!;
        answer["summary"]!.GetValue<string>().ShouldNotBeEmpty();
        answer["count"]!.GetValue<int>().ShouldBe(4);
        answer["urls"]!.AsArray().Count.ShouldBe(3);
        response["text"]!["format"]!["type"]!.GetValue<string>().ShouldBe("text");
    }

    [Fact]
    public async Task Get_ExplicitToolsOnAPreset_RunOnlyThoseAndEchoThePresetSearchToo()
    {
        var body = AgentHarness.Body(preset: "low", background: false);
        body["tools"] = new JsonArray(new JsonObject { ["type"] = "fetch_url", ["max_urls"] = 2 });

        var response = await _harness.CreateAsync(body);

        response["tools"]!.ToJsonString().ShouldBe("""[{"type":"fetch_url","max_urls":2},{"type":"web_search"}]""");
        response["output"]!.AsArray().Select(i => i!["type"]!.GetValue<string>()).ShouldBe(["message"]);
    }

    [Fact]
    public async Task Get_MaxToolCallsZero_RunsNoTools()
    {
        var body = AgentHarness.Body(preset: "medium", background: false);
        body["max_tool_calls"] = 0;

        var response = await _harness.CreateAsync(body);

        response["output"]!.AsArray().ShouldHaveSingleItem()!["type"]!.GetValue<string>().ShouldBe("message");
        response["max_tool_calls"]!.GetValue<int>().ShouldBe(0);
    }

    public void Dispose() => _harness.Dispose();
}
