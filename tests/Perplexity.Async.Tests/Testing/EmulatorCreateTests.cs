using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;

namespace Perplexity.Async.Tests.Testing;

public sealed class EmulatorCreateTests : IDisposable
{
    private readonly EmulatorHarness _harness = new();

    [Theory]
    [InlineData(EmulatorHarness.Sonar)]
    [InlineData(EmulatorHarness.Legacy)]
    public async Task Create_OnEitherRoute_AnswersTheCreatedEnvelopeWithEveryKey(string route)
    {
        var envelope = await _harness.CreateAsync(route, "What is dark matter?", model: "sonar-pro");

        envelope.Select(p => p.Key).ShouldBe(
            ["id", "model", "created_at", "status", "started_at", "completed_at", "response", "failed_at", "error_message"]);
        ((string)envelope["id"]!).ShouldNotBeNullOrWhiteSpace();
        envelope["model"]!.GetValue<string>().ShouldBe("sonar-pro");
        envelope["status"]!.GetValue<string>().ShouldBe("CREATED");
        envelope["started_at"].ShouldBeNull();
        envelope["response"].ShouldBeNull();
        var job = _harness.Emulator.Jobs.ShouldHaveSingleItem();
        job.Route.ShouldBe(route);
        job.Prompt.ShouldBe("What is dark matter?");
    }

    [Fact]
    public async Task Create_ParsedBySdk_IsATypedEnvelope()
    {
        var (_, json) = await _harness.SendAsync(HttpMethod.Post, EmulatorHarness.Sonar, EmulatorHarness.CreateBody("q").ToJsonString());

        var envelope = PerplexityJson.Deserialize<AsyncApiChatCompletionsResponse>(json!.ToJsonString());

        envelope.Status.ShouldBe(AsyncProcessingStatus.Created);
        envelope.CreatedAt.ShouldBe(EmulatorHarness.Start);
    }

    [Fact]
    public async Task Create_WithTheSameIdempotencyKey_ReturnsTheSameJobWithoutASecondOne()
    {
        var first = await _harness.CreateAsync(EmulatorHarness.Sonar, "q", idempotencyKey: "key-1");
        _harness.Time.Advance(TimeSpan.FromSeconds(2));

        var again = await _harness.CreateAsync(EmulatorHarness.Legacy, "q", idempotencyKey: "key-1");

        again["id"]!.GetValue<string>().ShouldBe(first["id"]!.GetValue<string>());
        again["status"]!.GetValue<string>().ShouldBe("IN_PROGRESS");
        _harness.Emulator.Jobs.ShouldHaveSingleItem().IdempotencyKey.ShouldBe("key-1");
    }

    [Fact]
    public async Task Create_WithDifferentOrNoIdempotencyKeys_CreatesSeparateJobs()
    {
        await _harness.CreateAsync(EmulatorHarness.Sonar, "q", idempotencyKey: "a");
        await _harness.CreateAsync(EmulatorHarness.Sonar, "q", idempotencyKey: "b");
        await _harness.CreateAsync(EmulatorHarness.Sonar, "q");
        await _harness.CreateAsync(EmulatorHarness.Sonar, "q");

        _harness.Emulator.Jobs.Select(j => j.Id).Distinct().Count().ShouldBe(4);
    }

    [Fact]
    public async Task Create_WithChunkedContent_TakesThePromptFromTheLastUserMessageTextChunks()
    {
        var body = new JsonObject
        {
            ["request"] = new JsonObject
            {
                ["model"] = "sonar",
                ["messages"] = new JsonArray(
                    new JsonObject { ["role"] = "user", ["content"] = "first question" },
                    new JsonObject { ["role"] = "assistant", ["content"] = "an answer" },
                    new JsonObject
                    {
                        ["role"] = "user",
                        ["content"] = new JsonArray(
                            new JsonObject { ["type"] = "text", ["text"] = "Describe " },
                            new JsonObject { ["type"] = "image_url", ["image_url"] = new JsonObject { ["url"] = "https://x.example/a.png" } },
                            new JsonObject { ["type"] = "text", ["text"] = "this picture" }),
                    }),
            },
        };

        var (status, _) = await _harness.SendAsync(HttpMethod.Post, EmulatorHarness.Sonar, body.ToJsonString());

        status.ShouldBe(HttpStatusCode.OK);
        var job = _harness.Emulator.Jobs.ShouldHaveSingleItem();
        job.Prompt.ShouldBe("Describe this picture");
        job.RequestJson.ShouldNotBeNull();
        JsonNode.Parse(job.RequestJson!)!["model"]!.GetValue<string>().ShouldBe("sonar");
    }

    [Theory]
    [InlineData("{not json", "body.0", "json_invalid")]
    [InlineData("[]", "body", "model_attributes_type")]
    [InlineData("{}", "body.request", "missing")]
    [InlineData("{\"request\": 1}", "body.request", "model_attributes_type")]
    [InlineData("{\"request\": {\"messages\": [{\"role\": \"user\", \"content\": \"q\"}]}}", "body.request.model", "missing")]
    [InlineData("{\"request\": {\"model\": 5, \"messages\": [{\"role\": \"user\", \"content\": \"q\"}]}}", "body.request.model", "string_type")]
    [InlineData("{\"request\": {\"model\": \"sonar\"}}", "body.request.messages", "missing")]
    [InlineData("{\"request\": {\"model\": \"sonar\", \"messages\": []}}", "body.request.messages", "too_short")]
    [InlineData("{\"request\": {\"model\": \"sonar\", \"messages\": [{\"content\": \"q\"}]}}", "body.request.messages.0.role", "missing")]
    [InlineData("{\"request\": {\"model\": \"sonar\", \"messages\": [{\"role\": \"user\"}]}, \"idempotency_key\": 7}", "body.idempotency_key", "string_type")]
    public async Task Create_WithAnInvalidBody_AnswersFastApi422(string body, string path, string type)
    {
        var (status, json) = await _harness.SendAsync(HttpMethod.Post, EmulatorHarness.Sonar, body);

        status.ShouldBe((HttpStatusCode)422);
        var error = json!["detail"]!.AsArray().ShouldHaveSingleItem()!;
        string.Join(".", error["loc"]!.AsArray().Select(p => p!.ToString())).ShouldBe(path);
        error["type"]!.GetValue<string>().ShouldBe(type);
        error["msg"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        _harness.Emulator.Jobs.ShouldBeEmpty();
    }

    [Fact]
    public async Task Create_WithANonJsonContentType_Answers422()
    {
        var (status, _) = await _harness.SendAsync(HttpMethod.Post, EmulatorHarness.Sonar, EmulatorHarness.CreateBody("q").ToJsonString(), "text/plain");

        status.ShouldBe((HttpStatusCode)422);
    }

    [Fact]
    public async Task Create_422_IsReadBySdkAsValidationErrors()
    {
        var (_, json) = await _harness.SendAsync(HttpMethod.Post, EmulatorHarness.Sonar, "{}");

        var error = PerplexityJson.Deserialize<HttpValidationError>(json!.ToJsonString());

        error.Detail.ShouldHaveSingleItem().Path.ShouldBe("body.request");
    }

    [Fact]
    public async Task Create_OnAJobPath_IsMethodNotAllowed()
    {
        var id = (string)(await _harness.CreateAsync(EmulatorHarness.Sonar, "q"))["id"]!;

        var (status, json) = await _harness.SendAsync(HttpMethod.Post, $"{EmulatorHarness.Sonar}/{id}", "{}");

        status.ShouldBe(HttpStatusCode.MethodNotAllowed);
        json!["detail"]!.GetValue<string>().ShouldBe("Method Not Allowed");
    }

    public void Dispose() => _harness.Dispose();
}
