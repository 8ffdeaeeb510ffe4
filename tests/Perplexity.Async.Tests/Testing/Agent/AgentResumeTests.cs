using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;

namespace Perplexity.Async.Tests.Testing.Agent;

public sealed class AgentResumeTests : IDisposable
{
    private readonly AgentHarness _harness = new();

    [Theory]
    [InlineData(AgentHarness.Responses)]
    [InlineData(AgentHarness.Agent)]
    public async Task Resume_AfterADrop_ReplaysExactlyTheEventsAfterTheCursorThenGoesOnLive(string route)
    {
        _harness.Emulator.Faults.Next(1).DropStreamAfter(10);
        using var first = await _harness.OpenStreamAsync(HttpMethod.Post, AgentHarness.Responses, AgentHarness.Body(stream: true));
        var id = _harness.Emulator.AgentRuns.Single().Id;
        var received = new List<JsonObject>();
        await AgentHarness.CatchAsync<IOException>(async () =>
        {
            await foreach (var item in _harness.EnumerateAsync(await first.Content.ReadAsStreamAsync(), TimeSpan.FromMilliseconds(250), 100_000))
            {
                received.Add(JsonNode.Parse(item.Data)!.AsObject());
            }
        });
        var last = received[^1]["sequence_number"]!.GetValue<int>();
        _harness.Emulator.AgentRuns.Single().Status.ShouldBe("in_progress");

        using var resumed = await _harness.OpenStreamAsync(HttpMethod.Get, $"{route}/{id}?stream=true&starting_after={last}");
        var rest = await _harness.ReadEventsAsync(resumed);

        last.ShouldBe(9);
        rest[0]["sequence_number"]!.GetValue<int>().ShouldBe(10);
        var all = received.Concat(rest).Select(e => e["sequence_number"]!.GetValue<int>()).ToList();
        all.ShouldBe(Enumerable.Range(0, all.Count));
        rest[^1]["type"]!.GetValue<string>().ShouldBe("response.completed");
    }

    [Fact]
    public async Task Resume_AfterTheRunEnded_ReplaysTheStoredEventsAndEnds()
    {
        using var first = await _harness.OpenStreamAsync(HttpMethod.Post, AgentHarness.Responses, AgentHarness.Body(preset: "fast", stream: true));
        var all = await _harness.ReadEventsAsync(first);
        var id = all[0]["response"]!["id"]!.GetValue<string>();

        using var replay = await _harness.OpenStreamAsync(HttpMethod.Get, $"{AgentHarness.Responses}/{id}?stream=true&starting_after=3");
        var rest = await _harness.ReadEventsAsync(replay);
        using var whole = await _harness.OpenStreamAsync(HttpMethod.Get, $"{AgentHarness.Responses}/{id}?stream=true");
        var again = await _harness.ReadEventsAsync(whole);

        rest.Select(e => e.ToJsonString()).ShouldBe(all.Skip(4).Select(e => e.ToJsonString()));
        again.Count.ShouldBe(all.Count);
    }

    [Fact]
    public async Task Resume_OfAnAddedRun_Works()
    {
        var run = _harness.Emulator.AddAgentRun("How do tides work?", "fast");
        _harness.Time.Advance(TimeSpan.FromSeconds(2));

        using var resumed = await _harness.OpenStreamAsync(HttpMethod.Get, $"{AgentHarness.Responses}/{run.Id}?stream=true&starting_after=0");
        var events = await _harness.ReadEventsAsync(resumed);

        events[0]["type"]!.GetValue<string>().ShouldBe("response.in_progress");
        events[^1]["type"]!.GetValue<string>().ShouldBe("response.completed");
    }

    [Fact]
    public async Task Resume_OfANonBackgroundStream_Answers400()
    {
        using var first = await _harness.OpenStreamAsync(HttpMethod.Post, AgentHarness.Responses, AgentHarness.Body(preset: "fast", background: false, stream: true));
        var id = (await _harness.ReadEventsAsync(first))[0]["response"]!["id"]!.GetValue<string>();

        var answer = await _harness.GetAsync($"{AgentHarness.Responses}/{id}?stream=true&starting_after=2");

        answer.ShouldBeError(HttpStatusCode.BadRequest, "stream resumption is only available for responses created with background and stream", "invalid_request", "starting_after");
        (await _harness.SnapshotAsync(id))["status"]!.GetValue<string>().ShouldBe("completed");
    }

    [Fact]
    public async Task Resume_AfterTheReplayWindow_Answers400ReconnectCursorExpired()
    {
        using var first = await _harness.OpenStreamAsync(HttpMethod.Post, AgentHarness.Responses, AgentHarness.Body(preset: "fast", stream: true));
        var id = (await _harness.ReadEventsAsync(first))[0]["response"]!["id"]!.GetValue<string>();
        var path = $"{AgentHarness.Responses}/{id}?stream=true&starting_after=1";

        _harness.Time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        using (var stillOpen = await _harness.OpenStreamAsync(HttpMethod.Get, path))
        {
            stillOpen.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        var expired = await _harness.GetAsync(path);

        expired.ShouldBeError(HttpStatusCode.BadRequest, "reconnect cursor expired", "invalid_request");
        (await _harness.SnapshotAsync(id))["status"]!.GetValue<string>().ShouldBe("completed");
    }

    [Fact]
    public async Task Resume_ExpiredByScriptOrNow_Answers400()
    {
        _harness.Emulator.Script.ForAgentPrompt("short").ReplayAvailableFor(TimeSpan.Zero);
        var scripted = _harness.Emulator.AddAgentRun("short", "fast");
        var expiredNow = _harness.Emulator.AddAgentRun("long", "medium");

        _harness.Emulator.ExpireAgentReplay(expiredNow.Id);
        _harness.Time.Advance(TimeSpan.FromSeconds(4));

        (await _harness.GetAsync($"{AgentHarness.Responses}/{scripted.Id}?stream=true&starting_after=0")).Error["message"]!.GetValue<string>().ShouldBe("reconnect cursor expired");
        (await _harness.GetAsync($"{AgentHarness.Responses}/{expiredNow.Id}?stream=true&starting_after=0")).Error["message"]!.GetValue<string>().ShouldBe("reconnect cursor expired");
        Should.Throw<ArgumentException>(() => _harness.Emulator.ExpireAgentReplay("resp_unknown"));
    }

    [Fact]
    public async Task Resume_WithABadCursor_Answers400()
    {
        var run = _harness.Emulator.AddAgentRun("q");

        var answer = await _harness.GetAsync($"{AgentHarness.Responses}/{run.Id}?stream=true&starting_after=ten");

        answer.ShouldBeError(HttpStatusCode.BadRequest, "invalid starting_after: it must be an integer sequence number", "invalid_request", "starting_after");
    }

    [Fact]
    public async Task Resume_OfAStoreFalseRun_Answers404()
    {
        var body = AgentHarness.Body(stream: true);
        body["store"] = false;
        using var first = await _harness.OpenStreamAsync(HttpMethod.Post, AgentHarness.Responses, body);
        var id = _harness.Emulator.AgentRuns.Single().Id;

        var answer = await _harness.GetAsync($"{AgentHarness.Responses}/{id}?stream=true&starting_after=0");

        answer.ShouldBeError(HttpStatusCode.NotFound, "resource not found", "not_found");
    }

    public void Dispose() => _harness.Dispose();
}
