using System.Net;
using System.Net.Http;
using System.Threading;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Agent.Streaming;

/// <summary><c>StreamAsync</c> and <c>ResumeStreamAsync</c> end to end on the emulator's event streams, on a driven clock.</summary>
public sealed class AgentStreamTests : IDisposable
{
    private readonly AgentClientHarness _h = new();

    internal static async Task<List<AgentStreamEvent>> CollectAsync(IAsyncEnumerable<AgentStreamEvent> events)
    {
        var list = new List<AgentStreamEvent>();
        await foreach (var e in events)
        {
            list.Add(e);
        }

        return list;
    }

    private Task<List<AgentStreamEvent>> StreamAsync(AgentRequest? request = null, AgentStreamingOptions? options = null) =>
        _h.DriveAsync(CollectAsync(_h.Agent.StreamAsync(request ?? AgentClientHarness.Fast(), options, CancellationToken.None)));

    private int StreamGets() => _h.Emulator.Requests.Count(r => r.Method == HttpMethod.Get && r.Uri.Query.Contains("stream=true", StringComparison.Ordinal));

    private int PollingGets() => _h.Emulator.Requests.Count(r => r.Method == HttpMethod.Get && !r.Uri.Query.Contains("stream=true", StringComparison.Ordinal));

    [Fact]
    public async Task StreamAsync_HealthyRun_YieldsEveryEventInOrderEndingWithCompletedAndNoGet()
    {
        var events = await StreamAsync();

        events[0].ShouldBeOfType<AgentResponseCreatedEvent>();
        events.Select(e => e.SequenceNumber).ShouldBe(Enumerable.Range(0, events.Count).Select(i => (long)i));
        events[^1].ShouldBeOfType<AgentResponseCompletedEvent>().Response!.Status.ShouldBe(AgentResponseStatus.Completed);
        events.Count(e => e.IsTerminal).ShouldBe(1);
        events.OfType<AgentOutputTextDeltaEvent>().ShouldNotBeEmpty();
        _h.Emulator.Requests.Count.ShouldBe(1, "one create, no polling GET and no resume");
        var body = _h.CreateBodies().ShouldHaveSingleItem();
        body["background"]!.GetValue<bool>().ShouldBeTrue();
        body["stream"]!.GetValue<bool>().ShouldBeTrue();
        _h.Emulator.Requests[0].Headers["Accept"].ShouldBe("text/event-stream");
    }

    [Fact]
    public async Task StreamAsync_TextDeltas_AddUpToTheFinalAnswer()
    {
        var events = await StreamAsync();

        var text = string.Concat(events.OfType<AgentOutputTextDeltaEvent>().Select(d => d.Delta));
        text.ShouldBe(events.OfType<AgentResponseCompletedEvent>().Single().Response!.OutputText);
    }

    [Fact]
    public async Task StreamAsync_BackgroundFalse_ThrowsBeforeSending()
    {
        var ex = Should.Throw<ArgumentException>(
            () => _h.Agent.StreamAsync(AgentClientHarness.Fast() with { Background = false }, CancellationToken.None));

        ex.Message.ShouldContain("Background");
        _h.Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void StreamAsync_IdleTimeoutNotPositive_ThrowsNamingIt()
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(
            () => _h.Agent.StreamAsync(AgentClientHarness.Fast(), new AgentStreamingOptions { IdleTimeout = TimeSpan.Zero }, CancellationToken.None));

        ex.Message.ShouldContain("IdleTimeout");
    }

    [Fact]
    public void AgentStreamDefaults_IdleTimeout_Is90Seconds()
    {
        AgentStreamDefaults.IdleTimeout.ShouldBe(TimeSpan.FromSeconds(90));
        new AgentStreamingOptions().IdleTimeout.ShouldBe(TimeSpan.FromSeconds(90));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(9)]
    public async Task StreamAsync_DroppedAfterNEvents_ResumesWithNoLossAndNoDuplicate(int n)
    {
        var baseline = await StreamAsync();
        _h.Emulator.Reset();
        _h.Emulator.Faults.Next(1).DropStreamAfter(n);

        var events = await StreamAsync();

        events.Select(e => e.Type).ShouldBe(baseline.Select(e => e.Type));
        events.Select(e => e.SequenceNumber).ShouldBe(Enumerable.Range(0, events.Count).Select(i => (long)i));
        var resume = _h.Emulator.Requests.Where(r => r.Method == HttpMethod.Get).ShouldHaveSingleItem();
        resume.Uri.Query.ShouldBe($"?stream=true&starting_after={n - 1}");
        PollingGets().ShouldBe(0);
    }

    [Fact]
    public async Task StreamAsync_DroppedAtEveryEventIndex_NeverLosesOrRepeatsAnEvent()
    {
        var count = (await StreamAsync()).Count;
        for (var n = 1; n < count; n++)
        {
            _h.Emulator.Reset();
            _h.Emulator.Faults.Next(1).DropStreamAfter(n, midLine: n % 2 == 0);

            var events = await StreamAsync();

            events.Select(e => e.SequenceNumber).ShouldBe(Enumerable.Range(0, count).Select(i => (long)i), $"dropped after {n}");
        }
    }

    [Fact]
    public async Task StreamAsync_BodyEndsWithoutTerminalEvent_Resumes()
    {
        _h.Emulator.Faults.Next(1).EndStreamAfter(3);

        var events = await StreamAsync();

        events[^1].ShouldBeOfType<AgentResponseCompletedEvent>();
        events.Select(e => e.SequenceNumber).ShouldBe(Enumerable.Range(0, events.Count).Select(i => (long)i));
        StreamGets().ShouldBe(1);
    }

    [Fact]
    public async Task StreamAsync_DroppedRepeatedlyWithoutProgress_BacksOffThenGivesUpWithTheRunId()
    {
        using var h = Instant();
        h.Emulator.Faults.Next(1).DropStreamAfter(2);
        h.Emulator.Faults.Next(50, HttpMethod.Get).RespondWith(HttpStatusCode.ServiceUnavailable);

        var ex = await Should.ThrowAsync<PerplexityServerException>(
            h.DriveAsync(CollectAsync(h.Agent.StreamAsync(AgentClientHarness.Fast(), new AgentStreamingOptions { Polling = AgentClientHarness.Exact() }, CancellationToken.None))));

        ex.JobId.ShouldBe(h.Emulator.AgentRuns.Single().Id);
        var gets = h.Emulator.Requests.Where(r => r.Method == HttpMethod.Get).ToList();
        gets.Count.ShouldBe(10, "the failure budget: 10 failures in a row");
        (gets[0].ReceivedAt - h.Emulator.Requests[0].ReceivedAt).ShouldBe(TimeSpan.Zero, "a segment that made progress is resumed at once");
        gets.Skip(1).Select((r, i) => r.ReceivedAt - gets[i].ReceivedAt).Take(5)
            .ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(10)]);
    }

    [Fact]
    public async Task StreamAsync_HealthySegmentAfterFailures_RestartsTheBackoff()
    {
        // Drop after 2 events; 3 failed resumes (at once, then 1 and 2 s later); a resume 4 s later that delivers 2 events
        // and drops; the next resume comes at once, not 8 s later.
        using var h = Instant();
        h.Emulator.Faults.Next(1).DropStreamAfter(2);
        h.Emulator.Faults.Next(3, HttpMethod.Get).RespondWith(HttpStatusCode.ServiceUnavailable);
        h.Emulator.Faults.Next(1).DropStreamAfter(2);

        var events = await h.DriveAsync(CollectAsync(
            h.Agent.StreamAsync(AgentClientHarness.Fast(), new AgentStreamingOptions { Polling = AgentClientHarness.Exact() }, CancellationToken.None)));

        events.Select(e => e.SequenceNumber).ShouldBe(Enumerable.Range(0, events.Count).Select(i => (long)i));
        var gets = h.Emulator.Requests.Where(r => r.Method == HttpMethod.Get).ToList();
        gets.Skip(1).Select((r, i) => r.ReceivedAt - gets[i].ReceivedAt)
            .ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.Zero]);
    }

    /// <summary>An emulator whose runs have every event due at once, so only the client's delays move the clock.</summary>
    private static AgentClientHarness Instant() =>
        new(emulator: o =>
        {
            o.AgentFastDuration = TimeSpan.Zero;
            o.AgentQueuedDuration = TimeSpan.Zero;
        });

    [Fact]
    public async Task StreamAsync_ReplayWindowOver_FallsBackToPollingAndEndsWithTheFinalResponse()
    {
        _h.Emulator.Faults.Next(1).DropStreamAfter(3);

        var events = await _h.DriveAsync(ExpireReplayOnFirstEventAsync(_h.Agent.StreamAsync(
            AgentClientHarness.Fast(), new AgentStreamingOptions { Polling = AgentClientHarness.Exact() }, CancellationToken.None)));

        events.Select(e => e.SequenceNumber).ShouldBe([0L, 1L, 2L, 3L]);
        var terminal = events[^1].ShouldBeOfType<AgentResponseCompletedEvent>();
        terminal.Response!.Status.ShouldBe(AgentResponseStatus.Completed);
        terminal.Response.OutputText.ShouldNotBeNullOrWhiteSpace();
        StreamGets().ShouldBe(1, "one resume, answered 400");
        PollingGets().ShouldBeGreaterThan(0);
    }

    /// <summary>Reads a stream, ending its run's replay window as soon as the run's id is known.</summary>
    private async Task<List<AgentStreamEvent>> ExpireReplayOnFirstEventAsync(IAsyncEnumerable<AgentStreamEvent> stream)
    {
        var events = new List<AgentStreamEvent>();
        await foreach (var e in stream)
        {
            if (e is AgentResponseCreatedEvent { Response: { } created })
            {
                _h.Emulator.ExpireAgentReplay(created.Id);
            }

            events.Add(e);
        }

        return events;
    }

    [Fact]
    public async Task StreamAsync_FailedRun_EndsNormallyWithTheFailedEvent()
    {
        _h.Emulator.Script.ForAnyAgentRun().Fail("The model crashed (emulated).");

        var events = await StreamAsync();

        var failed = events[^1].ShouldBeOfType<AgentResponseFailedEvent>();
        failed.Error!.Message.ShouldBe("The model crashed (emulated).");
        events.Count(e => e.IsTerminal).ShouldBe(1);
    }

    [Fact]
    public async Task StreamAsync_IncompleteRun_EndsWithTheIncompleteEvent()
    {
        _h.Emulator.Script.ForAnyAgentRun().EndIncomplete("Partial answer.");

        var events = await StreamAsync();

        events[^1].ShouldBeOfType<AgentResponseIncompleteEvent>().Response!.Status.ShouldBe(AgentResponseStatus.Incomplete);
    }

    [Fact]
    public async Task StreamAsync_CancelledByTheServer_EndsWithTheCancelledEvent()
    {
        _h.Emulator.Script.ForAnyAgentRun().CancelByServer();

        var events = await StreamAsync();

        events[^1].ShouldBeOfType<AgentResponseCancelledEvent>();
    }

    [Fact]
    public async Task StreamAsync_FailedRunAfterExpiredReplay_EndsWithAFailedEventCarryingTheError()
    {
        _h.Emulator.Script.ForAnyAgentRun().Fail("Out of budget (emulated).");
        _h.Emulator.Faults.Next(1).DropStreamAfter(2);

        var events = await _h.DriveAsync(ExpireReplayOnFirstEventAsync(_h.Agent.StreamAsync(
            AgentClientHarness.Fast(), new AgentStreamingOptions { Polling = AgentClientHarness.Exact() }, CancellationToken.None)));

        var failed = events[^1].ShouldBeOfType<AgentResponseFailedEvent>();
        failed.SequenceNumber.ShouldBe(2);
        failed.Error!.Message.ShouldBe("Out of budget (emulated).");
        failed.Response!.Status.ShouldBe(AgentResponseStatus.Failed);
    }

    [Fact]
    public async Task StreamAsync_CreateTimesOut_ThrowsCreateOutcomeUnknownAndSendsNothingMore()
    {
        _h.Emulator.Faults.Next(1, HttpMethod.Post).TimeOut();

        var ex = await Should.ThrowAsync<PerplexityCreateOutcomeUnknownException>(StreamAsync());

        ex.Message.ShouldContain("id is unknown");
        _h.Emulator.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task StreamAsync_DropBeforeTheRunIdArrived_ThrowsCreateOutcomeUnknownAndNeverResumesOrRecreates()
    {
        _h.Emulator.Faults.Next(1).DropStreamAfter(0);

        var ex = await Should.ThrowAsync<PerplexityCreateOutcomeUnknownException>(StreamAsync());

        ex.Message.ShouldContain("before the run's id arrived");
        _h.Emulator.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task StreamAsync_ErrorEventAfterTheRunIdArrived_ThrowsStreamErrorWithTheRunIdAndNeitherResumesNorCancels()
    {
        _h.Emulator.Faults.Next(1).ErrorEventAfter(3, "upstream stream broke (emulated)", "bad_gateway", "502");
        var events = new List<AgentStreamEvent>();

        var ex = await Should.ThrowAsync<PerplexityStreamErrorException>(
            _h.DriveAsync(CollectIntoAsync(_h.Agent.StreamAsync(AgentClientHarness.Fast(), CancellationToken.None), events)));

        var run = _h.Emulator.AgentRuns.ShouldHaveSingleItem();
        ex.JobId.ShouldBe(run.Id);
        ex.ErrorMessage.ShouldBe("upstream stream broke (emulated)");
        ex.ErrorCode.ShouldBe("502");
        ex.Event.Error!.Type.ShouldBe("bad_gateway");
        ex.Message.ShouldContain(run.Id);
        events.Select(e => e.SequenceNumber).ShouldBe([0L, 1L, 2L]);
        events[0].ShouldBeOfType<AgentResponseCreatedEvent>();
        _h.Emulator.Requests.Count.ShouldBe(1, "the create only: no resume, no cancel");
    }

    [Fact]
    public async Task StreamAsync_ErrorEventBeforeTheRunIdArrived_ThrowsCreateOutcomeUnknownWithTheStreamErrorInside()
    {
        _h.Emulator.Faults.Next(1).ErrorEventAfter(0);

        var ex = await Should.ThrowAsync<PerplexityCreateOutcomeUnknownException>(StreamAsync());

        ex.Message.ShouldContain("before the run's id arrived");
        ex.JobId.ShouldBeNull();
        var inner = ex.InnerException.ShouldBeOfType<PerplexityStreamErrorException>();
        inner.JobId.ShouldBeNull();
        inner.ErrorMessage.ShouldBe(Perplexity.Async.Testing.FaultBuilder.DefaultStreamErrorMessage);
        inner.ErrorCode.ShouldBe("internal_error");
        _h.Emulator.Requests.Count.ShouldBe(1, "never resumed (no id) nor sent again");
    }

    [Fact]
    public async Task ResumeStreamAsync_ErrorEvent_ThrowsStreamErrorWithTheRunId()
    {
        var run = _h.Emulator.AddAgentRun("How do tides work?", "fast");
        _h.Emulator.Faults.Next(1).ErrorEventAfter(1);
        var events = new List<AgentStreamEvent>();

        var ex = await Should.ThrowAsync<PerplexityStreamErrorException>(
            _h.DriveAsync(CollectIntoAsync(_h.Agent.ResumeStreamAsync(run.Id, startingAfter: null, CancellationToken.None), events)));

        ex.JobId.ShouldBe(run.Id);
        events.ShouldHaveSingleItem().SequenceNumber.ShouldBe(0);
        _h.Emulator.Requests.Count.ShouldBe(1);
    }

    private static async Task<List<AgentStreamEvent>> CollectIntoAsync(IAsyncEnumerable<AgentStreamEvent> stream, List<AgentStreamEvent> events)
    {
        await foreach (var e in stream)
        {
            events.Add(e);
        }

        return events;
    }

    [Fact]
    public async Task StreamAsync_CreateRefused_ThrowsBadRequest()
    {
        var ex = await Should.ThrowAsync<PerplexityBadRequestException>(
            StreamAsync(new AgentRequest { Model = "nobody/unknown-model", Input = "Hello" }));

        ex.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task StreamAsync_CancelledByTheCaller_ThrowsWaitCanceledWithTheRunIdAndCancelsTheRun()
    {
        _h.Emulator.Script.ForAnyAgentRun().NeverFinish();
        using var cts = new CancellationTokenSource();
        var events = _h.Agent.StreamAsync(AgentClientHarness.Fast(), cts.Token).GetAsyncEnumerator();
        (await _h.DriveAsync(events.MoveNextAsync().AsTask())).ShouldBeTrue();
        (await _h.DriveAsync(events.MoveNextAsync().AsTask())).ShouldBeTrue();

        cts.Cancel();
        var ex = (await Record.ExceptionAsync(() => _h.DriveAsync(DrainAsync(events)))).ShouldBeOfType<PerplexityWaitCanceledException>();

        var id = _h.Emulator.AgentRuns.Single().Id;
        ex.JobId.ShouldBe(id);
        ex.RunCancelRequested.ShouldBeTrue();
        _h.Emulator.Requests.ShouldContain(r => r.Method == HttpMethod.Post && r.Path.EndsWith("/cancel", StringComparison.Ordinal));
    }

    private static async Task<int> DrainAsync<T>(IAsyncEnumerator<T> events)
    {
        await using (events)
        {
            var count = 0;
            while (await events.MoveNextAsync())
            {
                count++;
            }

            return count;
        }
    }

    [Fact]
    public async Task ResumeStreamAsync_AfterANumber_YieldsOnlyTheLaterEvents()
    {
        var all = await StreamAsync();
        var id = all[0].ShouldBeOfType<AgentResponseCreatedEvent>().Response!.Id;

        var rest = await _h.DriveAsync(CollectAsync(_h.Agent.ResumeStreamAsync(id, startingAfter: 4, CancellationToken.None)));

        rest.Select(e => e.SequenceNumber).ShouldBe(all.Skip(5).Select(e => e.SequenceNumber));
        rest[^1].IsTerminal.ShouldBeTrue();
    }

    [Fact]
    public async Task ResumeStreamAsync_UnknownRun_ThrowsNotFoundWithTheId()
    {
        var ex = await Should.ThrowAsync<PerplexityNotFoundException>(
            _h.DriveAsync(CollectAsync(_h.Agent.ResumeStreamAsync("resp_unknown", startingAfter: null, CancellationToken.None))));

        ex.JobId.ShouldBe("resp_unknown");
    }

    [Fact]
    public async Task ResumeStreamAsync_StoppedByTheCaller_NeverCancelsTheRun()
    {
        _h.Emulator.Script.ForAnyAgentRun().NeverFinish();
        var run = _h.Emulator.AddAgentRun("How do tides work?", "fast");
        using var cts = new CancellationTokenSource();
        var events = _h.Agent.ResumeStreamAsync(run.Id, startingAfter: null, cts.Token).GetAsyncEnumerator();
        (await _h.DriveAsync(events.MoveNextAsync().AsTask())).ShouldBeTrue();

        cts.Cancel();
        var ex = (await Record.ExceptionAsync(() => _h.DriveAsync(DrainAsync(events)))).ShouldBeOfType<PerplexityWaitCanceledException>();

        ex.JobId.ShouldBe(run.Id);
        _h.Emulator.Requests.ShouldNotContain(r => r.Path.EndsWith("/cancel", StringComparison.Ordinal));
    }

    public void Dispose() => _h.Dispose();
}
