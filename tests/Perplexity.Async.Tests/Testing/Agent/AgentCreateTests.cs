using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;

namespace Perplexity.Async.Tests.Testing.Agent;

public sealed class AgentCreateTests : IDisposable
{
    private static readonly string[] EnvelopeKeys =
    [
        "background", "completed_at", "created_at", "error", "frequency_penalty", "id", "incomplete_details", "instructions",
        "max_output_tokens", "max_tool_calls", "metadata", "model", "object", "output", "parallel_tool_calls", "presence_penalty",
        "previous_response_id", "prompt_cache_key", "reasoning", "safety_identifier", "service_tier", "status", "store", "temperature",
        "text", "tool_choice", "tools", "top_logprobs", "top_p", "truncation", "usage", "user",
    ];

    private readonly AgentHarness _harness = new();

    [Theory]
    [InlineData(AgentHarness.Agent)]
    [InlineData(AgentHarness.Responses)]
    public async Task Create_Background_AnswersTheQueuedEnvelopeWithAll32KeysInAlphabeticalOrder(string route)
    {
        var answer = await _harness.PostAsync(route, AgentHarness.Body());

        answer.Status.ShouldBe(HttpStatusCode.OK);
        var envelope = answer.Json!.AsObject();
        envelope.Select(p => p.Key).ShouldBe(EnvelopeKeys);
        envelope["status"]!.GetValue<string>().ShouldBe("queued");
        envelope["object"]!.GetValue<string>().ShouldBe("response");
        envelope["output"]!.AsArray().ShouldBeEmpty();
        envelope["tools"]!.AsArray().ShouldBeEmpty();
        envelope["usage"].ShouldBeNull();
        envelope["model"]!.GetValue<string>().ShouldBe("medium");
        envelope["background"]!.GetValue<bool>().ShouldBeTrue();
        envelope["store"]!.GetValue<bool>().ShouldBeTrue();
        envelope["created_at"]!.GetValue<long>().ShouldBe(AgentHarness.Start.ToUnixTimeSeconds());
        envelope["completed_at"].ShouldBeNull();
        envelope["text"]!.ToJsonString().ShouldBe("""{"format":{"type":"text"}}""");
        envelope["tool_choice"]!.GetValue<string>().ShouldBe("auto");
        envelope["truncation"]!.GetValue<string>().ShouldBe("");
        envelope["metadata"]!.AsObject().ShouldBeEmpty();
        envelope["service_tier"]!.GetValue<string>().ShouldBe("default");
    }

    [Fact]
    public async Task Create_AnswersAResponseIdAndTheRequestIdAndRateLimitHeaders()
    {
        var answer = await _harness.PostAsync(AgentHarness.Agent, AgentHarness.Body());

        var id = answer.Json!["id"]!.GetValue<string>();
        id.ShouldMatch("^resp_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
        answer.Header("x-request-id").ShouldBe(id.Substring("resp_".Length));
        answer.Header("x-ratelimit-limit").ShouldBe("50");
        answer.Header("x-ratelimit-remaining").ShouldBe("49");
        answer.Header("x-ratelimit-used").ShouldBe("1");
        answer.Header("x-ratelimit-reset").ShouldBe((AgentHarness.Start.ToUnixTimeSeconds() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Create_WithAModel_ShowsTheModelAndEchoesTheRequestValues()
    {
        var body = AgentHarness.Body(preset: null, model: "openai/gpt-5.2");
        body["instructions"] = "Be brief.";
        body["max_output_tokens"] = 800;
        body["reasoning"] = new JsonObject { ["effort"] = "low" };
        body["temperature"] = 0.2;
        body["metadata"] = new JsonObject { ["ticket"] = "T-1" };
        body["tools"] = new JsonArray(new JsonObject { ["type"] = "web_search", ["filters"] = new JsonObject { ["search_recency_filter"] = "week" } });

        var envelope = await _harness.CreateAsync(body);

        envelope["model"]!.GetValue<string>().ShouldBe("openai/gpt-5.2");
        envelope["instructions"]!.GetValue<string>().ShouldBe("Be brief.");
        envelope["max_output_tokens"]!.GetValue<int>().ShouldBe(800);
        envelope["reasoning"]!.ToJsonString().ShouldBe("""{"effort":"low","summary":null}""");
        envelope["temperature"]!.GetValue<double>().ShouldBe(0.2);
        envelope["metadata"]!.ToJsonString().ShouldBe("""{"ticket":"T-1"}""");
        envelope["previous_response_id"].ShouldBeNull();
    }

    [Fact]
    public async Task Create_Synchronous_AnswersTheTerminalResponseAtOnce()
    {
        var envelope = await _harness.CreateAsync(AgentHarness.Body(background: false));

        envelope["status"]!.GetValue<string>().ShouldBe("completed");
        envelope["model"]!.GetValue<string>().ShouldBe("openai/gpt-6-luna");
        envelope["usage"]!["total_tokens"]!.GetValue<int>().ShouldBeGreaterThan(0);
        envelope["output"]!.AsArray().Last()!["type"]!.GetValue<string>().ShouldBe("message");
        envelope["completed_at"]!.GetValue<long>().ShouldBe(AgentHarness.Start.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Create_StoreFalse_AnswersButLaterGetsAre404()
    {
        var body = AgentHarness.Body();
        body["store"] = false;

        var envelope = await _harness.CreateAsync(body);
        var get = await _harness.GetAsync($"{AgentHarness.Responses}/{envelope["id"]}");

        envelope["store"]!.GetValue<bool>().ShouldBeFalse();
        get.ShouldBeError(HttpStatusCode.NotFound, "resource not found", "not_found");
    }

    [Fact]
    public async Task Create_PreviousResponseId_MustNameACompletedRun()
    {
        var first = await _harness.CreateAsync(AgentHarness.Body(preset: "fast"));
        var chained = AgentHarness.Body(preset: "fast");
        chained["previous_response_id"] = first["id"]!.GetValue<string>();

        var early = await _harness.PostAsync(AgentHarness.Responses, chained);
        _harness.Time.Advance(TimeSpan.FromSeconds(4));
        var later = await _harness.PostAsync(AgentHarness.Responses, chained);

        early.ShouldBeError(HttpStatusCode.BadRequest, "invalid request", "invalid_request");
        later.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Create_BodyOverTheLimit_Answers413()
    {
        using var harness = new AgentHarness(o => o.AgentMaxRequestBodyBytes = 100);
        var body = AgentHarness.Body(new string('x', 200));

        var answer = await harness.PostAsync(AgentHarness.Agent, body);

        answer.Status.ShouldBe((HttpStatusCode)413);
        answer.Error["type"]!.GetValue<string>().ShouldBe("payload_too_large");
        answer.Error["code"]!.GetValue<int>().ShouldBe(413);
    }

    [Fact]
    public async Task Create_IsRecordedLikeAnyRequest()
    {
        var envelope = await _harness.CreateAsync();

        var recorded = _harness.Emulator.Requests.ShouldHaveSingleItem();
        recorded.Method.ShouldBe(HttpMethod.Post);
        recorded.Path.ShouldBe("/v1/responses");
        recorded.StatusCode.ShouldBe(HttpStatusCode.OK);
        _harness.Emulator.AgentRuns.ShouldHaveSingleItem().Id.ShouldBe(envelope["id"]!.GetValue<string>());
    }

    public void Dispose() => _harness.Dispose();
}
