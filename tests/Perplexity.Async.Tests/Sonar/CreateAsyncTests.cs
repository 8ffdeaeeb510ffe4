using System.Text.Json;
using System.Text.Json.Nodes;
using Perplexity.Async.Tests.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Perplexity.Async.Tests.Sonar;

public sealed class CreateAsyncTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    public static TheoryData<string> Routes() => new() { "/v1/async/sonar", "/async/chat/completions" };

    private static ChatCompletionRequest NewRequest() => new()
    {
        Model = "sonar-deep-research",
        Messages = [ChatRequestMessage.User("What changed in .NET 10?")],
        ReasoningEffort = ReasoningEffort.Low,
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task CreateAsync_ValidRequest_PostsDocumentedBodyAndReturnsCreatedEnvelope(string route)
    {
        Server.Given(Request.Create().WithPath(route).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Fixture.Read("created.json")));
        var client = CreateSut();

        var job = await Client(client, route).CreateAsync(NewRequest());

        job.Status.ShouldBe(AsyncProcessingStatus.Created);
        job.Id.ShouldBe("req_01JD4Q8Z3Y7M0K5N2P6R9T1V4W");
        var entry = Server.LogEntries.ShouldHaveSingleItem().RequestMessage!;
        entry.Method.ShouldBe("POST");
        entry.Headers!["Content-Type"].Single().ShouldStartWith("application/json");
        entry.Headers!["Authorization"].Single().ShouldBe("Bearer " + ApiKey);
        var body = JsonNode.Parse(entry.Body!)!.AsObject();
        body.Select(p => p.Key).ShouldBe(["request", "idempotency_key"]);
        body["request"]!.ToJsonString().ShouldBe(
            """{"model":"sonar-deep-research","messages":[{"role":"user","content":"What changed in .NET 10?"}],"reasoning_effort":"low"}""");
        body["idempotency_key"]!.GetValue<string>().ShouldMatch("^[0-9a-f]{32}$");
    }

    [Fact]
    public async Task CreateAsync_TwoCalls_GenerateDifferentKeys()
    {
        StubCreated();
        var client = CreateSut();

        await client.Sonar.CreateAsync(NewRequest());
        await client.Sonar.CreateAsync(NewRequest());

        var keys = Server.LogEntries.Select(e => KeyOf(e.RequestMessage!.Body!)).ToList();
        keys.Count.ShouldBe(2);
        keys.Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task CreateAsync_CallerKey_IsSentUnchanged()
    {
        StubCreated();
        var client = CreateSut();

        await client.Sonar.CreateAsync(NewRequest(), new AsyncCreateOptions { IdempotencyKey = "order-42/attempt" });

        KeyOf(Server.LogEntries.Single().RequestMessage!.Body!).ShouldBe("order-42/attempt");
    }

    [Fact]
    public async Task CreateAsync_RequestOptions_SendHeadersAndLocalMode()
    {
        StubCreated();
        var client = CreateSut();

        await client.Sonar.CreateAsync(NewRequest(), new AsyncCreateOptions { RequestOptions = new AsyncRequestOptions { LocalMode = true, ClientName = "tests", UserId = "u1" } });

        var entry = Server.LogEntries.Single().RequestMessage!;
        entry.Query!["local_mode"].Single().ShouldBe("true");
        entry.Headers!["x-client-name"].Single().ShouldBe("tests");
        entry.Headers!["x-user-id"].Single().ShouldBe("u1");
    }

    [Fact]
    public async Task CreateAsync_AdditionalProperties_AreSentInsideRequest()
    {
        StubCreated();
        var client = CreateSut();
        using var flag = JsonDocument.Parse("true");

        await client.Sonar.CreateAsync(NewRequest() with { AdditionalProperties = new Dictionary<string, JsonElement> { ["safe_search"] = flag.RootElement.Clone() } });

        var body = JsonNode.Parse(Server.LogEntries.Single().RequestMessage!.Body!)!;
        body["request"]!["safe_search"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task CreateAsync_422_ThrowsValidationExceptionWithField()
    {
        Server.Given(Request.Create().WithPath("/v1/async/sonar").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(422).WithHeader("Content-Type", "application/json").WithBody(Fixture.Read("validation-error-422.json")));
        var client = CreateSut();

        var ex = await Should.ThrowAsync<PerplexityValidationException>(() => client.Sonar.CreateAsync(NewRequest()));

        ex.Details.Method.ShouldBe(System.Net.Http.HttpMethod.Post);
        ex.Details.Route.ShouldBe("v1/async/sonar");
        ex.Details.ValidationErrors.ShouldNotBeEmpty();
    }

    public static TheoryData<string, Func<ChatCompletionRequest>, string> InvalidRequests() => new()
    {
        { "null model", () => NewRequest() with { Model = null! }, "Model is required" },
        { "empty model", () => NewRequest() with { Model = "" }, "Model is required" },
        { "whitespace model", () => NewRequest() with { Model = "  " }, "Model is required" },
        { "null messages", () => NewRequest() with { Messages = null! }, "Messages is required; it is null" },
        { "no messages", () => NewRequest() with { Messages = [] }, "Messages is required; it is empty" },
        { "null message", () => NewRequest() with { Messages = [ChatRequestMessage.User("a"), null!] }, "Messages[1] is null" },
        { "role not set", () => NewRequest() with { Messages = [new ChatRequestMessage { Role = default, Content = "a" }] }, "Messages[0].Role is not set" },
        { "stream", () => NewRequest() with { Stream = true }, "never stream" },
        { "duplicate extra", () => NewRequest() with { AdditionalProperties = new Dictionary<string, JsonElement> { ["model"] = default } }, "'model'" },
        {
            "duplicate search extra",
            () => NewRequest() with { WebSearchOptions = new WebSearchOptions { AdditionalProperties = new Dictionary<string, JsonElement> { ["search_type"] = default } } },
            "WebSearchOptions.AdditionalProperties has 'search_type'"
        },
        {
            "duplicate message extra",
            () => NewRequest() with { Messages = [ChatRequestMessage.User("a") with { AdditionalProperties = new Dictionary<string, JsonElement> { ["role"] = default } }] },
            "Messages[0].AdditionalProperties has 'role'"
        },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task CreateAsync_InvalidRequest_ThrowsArgumentExceptionNamingProblemAndSendsNothing(string _, Func<ChatCompletionRequest> request, string expected)
    {
        var client = CreateSut();

        var ex = await Should.ThrowAsync<ArgumentException>(() => client.Sonar.CreateAsync(request()));

        ex.Message.ShouldContain(expected);
        ex.ParamName.ShouldBe("request");
        Server.LogEntries.ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateAsync_NullRequest_ThrowsArgumentNullException()
    {
        var client = CreateSut();

        var ex = await Should.ThrowAsync<ArgumentNullException>(() => client.Sonar.CreateAsync(null!));

        ex.ParamName.ShouldBe("request");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task CreateAsync_BlankIdempotencyKey_ThrowsArgumentException(string key)
    {
        var client = CreateSut();

        var ex = await Should.ThrowAsync<ArgumentException>(() => client.Sonar.CreateAsync(NewRequest(), new AsyncCreateOptions { IdempotencyKey = key }));

        ex.Message.ShouldContain("IdempotencyKey");
        Server.LogEntries.ShouldBeEmpty();
    }

    private void StubCreated() =>
        Server.Given(Request.Create().WithPath("/v1/async/sonar").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Fixture.Read("created.json")));

    private static AsyncCompletionsClient Client(PerplexityAsyncClient client, string route) =>
        route.StartsWith("/v1", StringComparison.Ordinal) ? client.Sonar : client.ChatCompletions;

    private static string KeyOf(string body) => JsonNode.Parse(body)!["idempotency_key"]!.GetValue<string>();
}
