using System.Threading;
using Perplexity.Async.Tests.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Perplexity.Async.Tests.Waiting;

/// <summary>A real HTTP sequence from WireMock.Net scenario states, on a fake clock, for both routes.</summary>
public sealed class PollingWireMockTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private readonly TestClock _clock = new();

    public static TheoryData<string, string> Routes => new()
    {
        { "sonar", "/v1/async/sonar/" },
        { "chat", "/async/chat/completions/" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task WaitForCompletionAsync_ScenarioCreatedInProgressInProgressCompleted_ReturnsAfterFourRequests(string route, string path)
    {
        ScriptJob(path + Api.JobId, "CREATED", "IN_PROGRESS", "IN_PROGRESS", "COMPLETED");
        var progress = new PollingTestBase.RecordingProgress();
        var client = CreateSut(o => o.TimeProvider = _clock);
        var sut = route == "sonar" ? client.Sonar : client.ChatCompletions;

        var result = await _clock.DriveAsync(sut.WaitForCompletionAsync(Api.JobId, new PollingOptions { UseJitter = false }, progress, CancellationToken.None));

        result.Status.ShouldBe(AsyncProcessingStatus.Completed);
        result.Response.ShouldNotBeNull().Choices.ShouldNotBeEmpty();
        Server.LogEntries.Count(e => e.RequestMessage!.Path == path + Api.JobId).ShouldBe(4);
        progress.Statuses.ShouldBe(["CREATED", "IN_PROGRESS", "COMPLETED"]);
        _clock.Elapsed.ShouldBe(TimeSpan.FromSeconds(1 + 2 + 4));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task WatchAsync_ScenarioCreatedInProgressInProgressCompleted_YieldsEachStatusChange(string route, string path)
    {
        ScriptJob(path + Api.JobId, "CREATED", "IN_PROGRESS", "IN_PROGRESS", "COMPLETED");
        var client = CreateSut(o => o.TimeProvider = _clock);
        var sut = route == "sonar" ? client.Sonar : client.ChatCompletions;

        var statuses = new List<string>();
        async Task WatchAsync()
        {
            await foreach (var item in sut.WatchAsync(Api.JobId, CancellationToken.None))
            {
                statuses.Add(item.Status.Value);
            }
        }

        await _clock.DriveAsync(WatchAsync());

        statuses.ShouldBe(["CREATED", "IN_PROGRESS", "COMPLETED"]);
        Server.LogEntries.Count(e => e.RequestMessage!.Path == path + Api.JobId).ShouldBe(4);
    }

    [Fact]
    public async Task WaitForCompletionAsync_ScenarioWithA503AndRetryAfter_WaitsAsAskedThenCompletes()
    {
        var path = "/v1/async/sonar/" + Api.JobId;
        Server.Given(Request.Create().WithPath(path).UsingGet())
            .InScenario("flaky").WillSetStateTo("after-503")
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "12").WithBody("upstream busy"));
        Server.Given(Request.Create().WithPath(path).UsingGet())
            .InScenario("flaky").WhenStateIs("after-503")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Api.EnvelopeJson("COMPLETED", withResponse: true)));
        var client = CreateSut(o => o.TimeProvider = _clock);

        var result = await _clock.DriveAsync(client.Sonar.WaitForCompletionAsync(Api.JobId, new PollingOptions { UseJitter = false }, CancellationToken.None));

        result.Response.ShouldNotBeNull();
        Server.LogEntries.Count.ShouldBe(2);
        _clock.Elapsed.ShouldBe(TimeSpan.FromSeconds(12));
    }

    private void ScriptJob(string path, params string[] statuses)
    {
        for (var i = 0; i < statuses.Length; i++)
        {
            var request = Server.Given(Request.Create().WithPath(path).UsingGet()).InScenario("job");
            if (i > 0)
            {
                request = request.WhenStateIs("poll-" + i);
            }

            if (i < statuses.Length - 1)
            {
                request = request.WillSetStateTo("poll-" + (i + 1));
            }

            var body = Api.EnvelopeJson(statuses[i], withResponse: statuses[i] == "COMPLETED");
            request.RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));
        }
    }
}
