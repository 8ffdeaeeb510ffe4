using System.Threading;
using Perplexity.Async.Tests.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Perplexity.Async.Tests.Waiting;

/// <summary>RunAsync over real HTTP: the documented create body, then polls of the created id, on both routes.</summary>
public sealed class RunAsyncWireMockTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private readonly TestClock _clock = new();

    public static TheoryData<string, string> Routes => new()
    {
        { "sonar", "/v1/async/sonar" },
        { "chat", "/async/chat/completions" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task RunAsync_CreatedThenInProgressThenCompleted_PostsTheDocumentedBodyAndPollsTheNewId(string route, string path)
    {
        Server.Given(Request.Create().WithPath(path).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Api.EnvelopeJson("CREATED")));
        Server.Given(Request.Create().WithPath(path + "/" + Api.JobId).UsingGet())
            .InScenario("job").WillSetStateTo("done")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Api.EnvelopeJson("IN_PROGRESS")));
        Server.Given(Request.Create().WithPath(path + "/" + Api.JobId).UsingGet())
            .InScenario("job").WhenStateIs("done")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Api.EnvelopeJson("COMPLETED", withResponse: true)));
        var client = CreateSut(o => o.TimeProvider = _clock);
        var sut = route == "sonar" ? client.Sonar : client.ChatCompletions;
        var request = new ChatCompletionRequest
        {
            Model = "sonar-pro",
            Messages = [ChatRequestMessage.User("What is new in .NET 10?")],
            SearchMode = SearchMode.Academic,
        };
        var polling = new PollingOptions { UseJitter = false };

        var result = await _clock.DriveAsync(sut.RunAsync(request, polling, CancellationToken.None));

        result.Status.ShouldBe(AsyncProcessingStatus.Completed);
        result.Response.ShouldNotBeNull();
        var entries = Server.LogEntries.Select(e => e.RequestMessage!).ToList();
        entries.Select(e => e.Method + " " + e.Path).ShouldBe(
            ["POST " + path, "GET " + path + "/" + Api.JobId, "GET " + path + "/" + Api.JobId]);
        var created = System.Text.Json.Nodes.JsonNode.Parse(entries[0].Body!)!.AsObject();
        created["idempotency_key"]!.GetValue<string>().Length.ShouldBe(32, "a key of its own, generated per RunAsync call");
        created.Remove("idempotency_key");
        created.ToJsonString().ShouldBeEquivalentJson("""
            {
              "request": {
                "model": "sonar-pro",
                "messages": [{ "role": "user", "content": "What is new in .NET 10?" }],
                "search_mode": "academic"
              }
            }
            """);
        entries[0].Body!.ShouldNotContain("null");
        _clock.Elapsed.ShouldBe(TimeSpan.FromSeconds(1 + 2));
    }
}
