using System.Net.Http;
using System.Threading;

namespace Perplexity.Async.Tests.Agent.Streaming;

/// <summary>The accumulator a progress display reads, and the streamed <c>WatchAsync</c> built on it.</summary>
public sealed class AgentResponseAccumulatorTests : IDisposable
{
    private readonly AgentClientHarness _h = new();

    [Fact]
    public async Task Apply_EveryEventOfARun_BuildsTheFinalResponseTextAndSources()
    {
        var events = await _h.DriveAsync(AgentStreamTests.CollectAsync(_h.Agent.StreamAsync(AgentClientHarness.Fast(), CancellationToken.None)));
        var accumulator = new AgentResponseAccumulator();

        foreach (var e in events)
        {
            accumulator.Apply(e);
        }

        var final = events.OfType<AgentResponseCompletedEvent>().Single().Response!;
        accumulator.IsTerminal.ShouldBeTrue();
        accumulator.Status.ShouldBe(AgentResponseStatus.Completed);
        accumulator.Text.ShouldBe(final.OutputText);
        accumulator.ToResponse().ShouldBeSameAs(final);
        accumulator.Sources.Select(s => s.Url).ShouldBe(events.OfType<AgentReasoningSearchResultsEvent>().SelectMany(r => r.Results).Select(s => s.Url));
        accumulator.Queries.ShouldNotBeEmpty();
        accumulator.LastSequenceNumber.ShouldBe(events[^1].SequenceNumber);
    }

    [Fact]
    public void Apply_TextDeltas_ShowTheTextSoFarInAnInProgressMessage()
    {
        var accumulator = new AgentResponseAccumulator();
        accumulator.Apply(PerplexityModelFactory.AgentResponseCreatedEvent(PerplexityModelFactory.AgentResponse(id: "resp_acc"), sequenceNumber: 0));

        accumulator.Apply(PerplexityModelFactory.AgentOutputTextDeltaEvent("Heat pumps ", sequenceNumber: 1)).ShouldBeTrue();
        accumulator.Apply(PerplexityModelFactory.AgentOutputTextDeltaEvent("win.", sequenceNumber: 2)).ShouldBeTrue();

        accumulator.Text.ShouldBe("Heat pumps win.");
        var response = accumulator.ToResponse()!;
        response.Id.ShouldBe("resp_acc");
        response.OutputText.ShouldBe("Heat pumps win.");
        response.Output.ShouldHaveSingleItem().ShouldBeOfType<AgentMessageOutputItem>().Status.ShouldBe(AgentResponseStatus.InProgress);
        accumulator.IsTerminal.ShouldBeFalse();
    }

    [Fact]
    public void Apply_ReplayedEvent_IsIgnored()
    {
        var accumulator = new AgentResponseAccumulator();
        accumulator.Apply(PerplexityModelFactory.AgentOutputTextDeltaEvent("A", sequenceNumber: 1));

        accumulator.Apply(PerplexityModelFactory.AgentOutputTextDeltaEvent("A", sequenceNumber: 1)).ShouldBeFalse();

        accumulator.Text.ShouldBe("A");
        accumulator.ToResponse().ShouldBeNull("no snapshot arrived yet");
    }

    [Fact]
    public void Apply_SearchResultsBeforeAnyItem_AppearAsASearchResultsItem()
    {
        var accumulator = new AgentResponseAccumulator();
        accumulator.Apply(PerplexityModelFactory.AgentResponseCreatedEvent(sequenceNumber: 0));
        accumulator.Apply(new AgentReasoningSearchQueriesEvent { Queries = ["heat pump cost"], SequenceNumber = 1 });
        accumulator.Apply(new AgentReasoningSearchResultsEvent
        {
            Results = [PerplexityModelFactory.AgentSearchResult(url: "https://example.org/a")],
            SequenceNumber = 2,
        });

        accumulator.Queries.ShouldBe(["heat pump cost"]);
        accumulator.ToResponse()!.SearchResults.ShouldHaveSingleItem().Url.ShouldBe("https://example.org/a");
    }

    [Fact]
    public void Apply_FailedEventWithoutSnapshot_MarksTheLastSnapshotFailed()
    {
        var accumulator = new AgentResponseAccumulator();
        accumulator.Apply(PerplexityModelFactory.AgentResponseCreatedEvent(sequenceNumber: 0));

        accumulator.Apply(PerplexityModelFactory.AgentResponseFailedEvent(PerplexityModelFactory.AgentError(message: "boom"), sequenceNumber: 1));

        accumulator.IsTerminal.ShouldBeTrue();
        var response = accumulator.ToResponse()!;
        response.Status.ShouldBe(AgentResponseStatus.Failed);
        response.Error!.Message.ShouldBe("boom");
    }

    [Fact]
    public void Apply_Null_Throws() =>
        Should.Throw<ArgumentNullException>(() => new AgentResponseAccumulator().Apply(null!));

    [Fact]
    public async Task WatchAsync_StreamMode_YieldsGrowingProgressEndingCompletedWithNoPollingGet()
    {
        var run = await _h.DriveAsync(_h.Agent.CreateAsync(AgentClientHarness.Fast(), CancellationToken.None));
        // A run created with background and stream, so its stream can be replayed.
        var streamed = _h.Emulator.AddAgentRun("How do heat pumps work?", "fast");

        var states = await _h.DriveAsync(CollectAsync(_h.Agent.WatchAsync(streamed.Id, AgentWatchMode.Stream, CancellationToken.None)));

        states[^1].Status.ShouldBe(AgentResponseStatus.Completed);
        states.Select(s => s.OutputText.Length).ShouldBeInOrder(SortDirection.Ascending);
        states.ShouldContain(s => s.Status == AgentResponseStatus.InProgress && s.OutputText.Length > 0, "partial text while it runs");
        states.ShouldContain(s => s.Status == AgentResponseStatus.InProgress && s.SearchResults.Count > 0, "sources while it runs");
        _h.Emulator.Requests.Count(r => r.Method == HttpMethod.Get && !r.Uri.Query.Contains("stream=true", StringComparison.Ordinal))
            .ShouldBe(0, "no polling GET while the stream is healthy");
        run.Id.ShouldNotBe(streamed.Id);
    }

    [Fact]
    public async Task WatchAsync_StreamModeReplayOfAFinishedRun_YieldsOneStatePerBurstAndEveryStatus()
    {
        // A finished run's stream replays at once: its events arrive together, so building the run after each of them
        // would copy the answer once per text delta. The watch yields at each status change and once per burst.
        var streamed = _h.Emulator.AddAgentRun("How do heat pumps work?", "fast");
        await _h.DriveAsync(_h.Agent.WaitForCompletionAsync(streamed.Id, CancellationToken.None));
        var events = await _h.DriveAsync(AgentStreamTests.CollectAsync(_h.Agent.ResumeStreamAsync(streamed.Id, null, options: null, CancellationToken.None)));
        var changes = CountChanges(events);

        var states = await _h.DriveAsync(CollectAsync(_h.Agent.WatchAsync(streamed.Id, AgentWatchMode.Stream, CancellationToken.None)));

        changes.ShouldBeGreaterThan(BatchedHandOffSize, "the replay is longer than one batch");
        states.Count.ShouldBeLessThan(changes / 4, "one state per burst, not per event");
        states.Select(s => s.Status).Distinct().ShouldBe(events.OfType<AgentResponseSnapshotEvent>().Select(e => e.Response!.Status).Distinct());
        states[^1].Status.ShouldBe(AgentResponseStatus.Completed);
        states[^1].OutputText.ShouldBe(events.OfType<AgentResponseCompletedEvent>().Single().Response!.OutputText);
        states.Select(s => s.OutputText.Length).ShouldBeInOrder(SortDirection.Ascending);
    }

    [Fact]
    public async Task WatchAsync_StreamModeOnARunWithoutAStream_PollsToTheEnd()
    {
        var run = await _h.DriveAsync(_h.Agent.CreateAsync(AgentClientHarness.Fast(), CancellationToken.None));

        var states = await _h.DriveAsync(CollectAsync(_h.Agent.WatchAsync(run.Id, AgentWatchMode.Stream, CancellationToken.None)));

        states[^1].Status.ShouldBe(AgentResponseStatus.Completed);
        _h.Emulator.Requests.Count(r => r.Method == HttpMethod.Get && !r.Uri.Query.Contains("stream=true", StringComparison.Ordinal)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task WatchAsync_PollMode_IsTheStatusChangeWatch()
    {
        var run = await _h.DriveAsync(_h.Agent.CreateAsync(AgentClientHarness.Fast(), CancellationToken.None));

        var states = await _h.DriveAsync(CollectAsync(_h.Agent.WatchAsync(run.Id, AgentWatchMode.Poll, CancellationToken.None)));

        states.Select(s => s.Status).Distinct().Count().ShouldBe(states.Count);
        states[^1].Status.ShouldBe(AgentResponseStatus.Completed);
    }

    [Fact]
    public void WatchAsync_UndefinedMode_Throws() =>
        Should.Throw<ArgumentException>(() => _h.Agent.WatchAsync("resp_x", (AgentWatchMode)7, CancellationToken.None)).ParamName.ShouldBe("mode");

    private const int BatchedHandOffSize = 64;

    private static int CountChanges(IReadOnlyList<AgentStreamEvent> events)
    {
        var accumulator = new AgentResponseAccumulator();
        return events.Count(accumulator.Apply);
    }

    private static async Task<List<AgentResponse>> CollectAsync(IAsyncEnumerable<AgentResponse> states)
    {
        var list = new List<AgentResponse>();
        await foreach (var state in states)
        {
            list.Add(state);
        }

        return list;
    }

    public void Dispose() => _h.Dispose();
}
