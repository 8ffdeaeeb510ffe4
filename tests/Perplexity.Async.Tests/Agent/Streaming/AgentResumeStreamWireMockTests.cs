using System.Threading;
using Perplexity.Async.Tests.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Perplexity.Async.Tests.Agent.Streaming;

/// <summary>
/// <c>ResumeStreamAsync</c> over real HTTP when the replay window is over: the resume answers 400, the run is polled
/// with plain GETs to its end, and the sequence ends with a terminal event built from the final response.
/// </summary>
public sealed class AgentResumeStreamWireMockTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private const string Id = "resp_d60f3e03-57e0-4048-994f-69b29a6d2ce7";
    private const string Path = "/v1/responses/" + Id;
    private const string Scenario = "resume";
    private const string CursorExpired = """{"error":{"message":"reconnect cursor expired","type":"invalid_request","code":400}}""";

    private readonly TestClock _clock = new();

    public static TheoryData<string, Type, string> Finals => new()
    {
        { "completed.json", typeof(AgentResponseCompletedEvent), "response.completed" },
        { "failed.json", typeof(AgentResponseFailedEvent), "response.failed" },
        { "incomplete.json", typeof(AgentResponseIncompleteEvent), "response.incomplete" },
        { "cancelled.json", typeof(AgentResponseCancelledEvent), "response.cancelled" },
    };

    [Theory]
    [MemberData(nameof(Finals))]
    public async Task ResumeStreamAsync_CursorExpired_PollsToTheEndAndYieldsOneTerminalEventAfterTheCursor(string final, Type terminalType, string terminalWireType)
    {
        Step(0, Request.Create().WithPath(Path).WithParam("stream", "true").WithParam("starting_after", "3").UsingGet(), Error400());
        Step(1, Request.Create().WithPath(Path).UsingGet(), Json("in-progress.json"));
        Step(2, Request.Create().WithPath(Path).UsingGet(), Json(final), last: true);
        var client = CreateSut(o => o.TimeProvider = _clock);

        var events = await _clock.DriveAsync(AgentStreamTests.CollectAsync(
            client.Agent.ResumeStreamAsync(Id, startingAfter: 3, new AgentStreamingOptions { Polling = AgentClientHarness.Exact() }, CancellationToken.None)));

        Requests().ShouldBe(
        [
            "GET " + Path + "?stream=true&starting_after=3",
            "GET " + Path,
            "GET " + Path,
        ]);
        _clock.Elapsed.ShouldBe(TimeSpan.FromSeconds(1), "a poll at once after the 400, the next one after the 1 s delay");
        Server.LogEntries.Skip(1).ShouldAllBe(e => e.RequestMessage!.Header("Accept") != "text/event-stream");
        var terminal = events.ShouldHaveSingleItem();
        terminal.ShouldBeOfType(terminalType);
        terminal.Type.ShouldBe(terminalWireType);
        terminal.IsTerminal.ShouldBeTrue();
        terminal.SequenceNumber.ShouldBe(4, "one after the last event seen (the cursor)");
        var response = terminal.ShouldBeAssignableTo<AgentResponseSnapshotEvent>()!.Response.ShouldNotBeNull();
        response.Id.ShouldBe(Id);
        response.Status.ShouldBe(AgentFixture.Response(final).Status);
        if (terminal is AgentResponseFailedEvent failed)
        {
            failed.Error.ShouldNotBeNull().Message.ShouldBe("the model did not produce valid JSON for the schema");
        }
    }

    [Theory]
    [InlineData("completed.json", typeof(AgentResponseCompletedEvent))]
    [InlineData("failed.json", typeof(AgentResponseFailedEvent))]
    public async Task ResumeStreamAsync_DropThenCursorExpired_YieldsEachEventOnceThenTheTerminalAfterTheLastSeen(string final, Type terminalType)
    {
        var sse = "data: " + AgentStreamFramingTests.Delta(2, "Heat ") + "\n\n"
            + "data: " + AgentStreamFramingTests.Delta(3, "pumps") + "\n\n";
        Step(0, Request.Create().WithPath(Path).WithParam("stream", "true").WithParam("starting_after", "1").UsingGet(), Sse(sse));
        Step(1, Request.Create().WithPath(Path).WithParam("stream", "true").WithParam("starting_after", "3").UsingGet(), Error400());
        Step(2, Request.Create().WithPath(Path).UsingGet(), Json(final), last: true);
        var client = CreateSut(o => o.TimeProvider = _clock);

        var events = await _clock.DriveAsync(AgentStreamTests.CollectAsync(
            client.Agent.ResumeStreamAsync(Id, startingAfter: 1, new AgentStreamingOptions { Polling = AgentClientHarness.Exact() }, CancellationToken.None)));

        Requests().ShouldBe(
        [
            "GET " + Path + "?stream=true&starting_after=1",
            "GET " + Path + "?stream=true&starting_after=3",
            "GET " + Path,
        ]);
        _clock.Elapsed.ShouldBe(TimeSpan.Zero, "a segment that delivered events resumes at once, and the 400 is polled at once");
        events.Select(e => e.SequenceNumber).ShouldBe([2L, 3L, 4L]);
        events.Take(2).Select(e => e.ShouldBeOfType<AgentOutputTextDeltaEvent>().Delta).ShouldBe(["Heat ", "pumps"]);
        events[^1].ShouldBeOfType(terminalType);
        events.Count(e => e.IsTerminal).ShouldBe(1);
    }

    private static IResponseBuilder Json(string fixture) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(AgentFixture.Read(fixture));

    private static IResponseBuilder Error400() =>
        Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/json").WithBody(CursorExpired);

    private static IResponseBuilder Sse(string body) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/event-stream").WithBody(body);

    /// <summary>Answers the <paramref name="index"/>th request (in order) when it matches; the last step keeps answering.</summary>
    private void Step(int index, IRequestBuilder request, IResponseBuilder response, bool last = false)
    {
        var mapping = Server.Given(request).InScenario(Scenario);
        if (index > 0)
        {
            mapping = mapping.WhenStateIs("step-" + index);
        }

        if (!last)
        {
            mapping = mapping.WillSetStateTo("step-" + (index + 1));
        }

        mapping.RespondWith(response);
    }

    private List<string> Requests() =>
        Server.LogEntries.Select(e => e.RequestMessage!).Select(r => r.Method + " " + r.RawPathAndQuery()).ToList();
}
