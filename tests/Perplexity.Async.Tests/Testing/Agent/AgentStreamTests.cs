using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using Perplexity.Async.Testing;

namespace Perplexity.Async.Tests.Testing.Agent;

public sealed class AgentStreamTests : IDisposable
{
    private static readonly string[] Terminals = ["response.completed", "response.failed", "response.incomplete", "response.cancelled"];

    private readonly AgentHarness _harness = new();

    [Fact]
    public async Task Stream_Framing_IsOneDataLinePerEventThenABlankLine()
    {
        using var response = await _harness.OpenStreamAsync(HttpMethod.Post, AgentHarness.Responses, AgentHarness.Body(background: false, stream: true));
        _harness.Time.Advance(TimeSpan.FromSeconds(40));

        var text = await _harness.ReadTextAsync(response);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        response.Headers.TryGetValues("x-request-id", out _).ShouldBeTrue();
        text.ShouldEndWith("\n\n");
        var blocks = text.Substring(0, text.Length - 2).Split("\n\n");
        blocks.Length.ShouldBeGreaterThan(20);
        foreach (var block in blocks)
        {
            block.ShouldStartWith("data: {");
            block.ShouldNotContain("\n");
            JsonNode.Parse(block.Substring("data: ".Length)).ShouldNotBeNull();
        }

        text.ShouldNotContain("event:");
        text.ShouldNotContain("[DONE]");
    }

    [Fact]
    public async Task Stream_Events_AreNumberedFromZeroInTheDocumentedOrderWithExactlyOneTerminal()
    {
        using var response = await _harness.OpenStreamAsync(HttpMethod.Post, AgentHarness.Agent, AgentHarness.Body(background: false, stream: true));

        var events = await _harness.ReadEventsAsync(response);

        events.Select(e => e["sequence_number"]!.GetValue<int>()).ShouldBe(Enumerable.Range(0, events.Count));
        var types = events.Select(e => e["type"]!.GetValue<string>()).ToList();
        types[0].ShouldBe("response.created");
        types[1].ShouldBe("response.in_progress");
        types.Count(Terminals.Contains).ShouldBe(1);
        types[^1].ShouldBe("response.completed");
        types.ShouldContain("response.reasoning.started");
        types.ShouldContain("response.reasoning.search_queries");
        types.ShouldContain("response.reasoning.search_results");
        types.ShouldContain("response.reasoning.fetch_url_queries");
        types.ShouldContain("response.reasoning.fetch_url_results");
        types.IndexOf("response.reasoning.stopped").ShouldBeLessThan(types.IndexOf("response.output_text.delta"));
        types.IndexOf("response.output_text.done").ShouldBe(types.Count - 3);
        types[^2].ShouldBe("response.output_item.done");
        types.Count(t => t == "response.output_item.added").ShouldBe(5);
        types.Count(t => t == "response.output_item.done").ShouldBe(5);
        events[0]["response"]!["status"]!.GetValue<string>().ShouldBe("queued");
        events[0]["response"]!["output"]!.AsArray().ShouldBeEmpty();
        events[1]["response"]!["status"]!.GetValue<string>().ShouldBe("in_progress");

        var deltas = events.Where(e => e["type"]!.GetValue<string>() == "response.output_text.delta").ToList();
        deltas.Count.ShouldBeGreaterThan(30);
        var done = events.Single(e => e["type"]!.GetValue<string>() == "response.output_text.done");
        string.Concat(deltas.Select(d => d["delta"]!.GetValue<string>())).ShouldBe(done["text"]!.GetValue<string>());
        done["item_id"]!.GetValue<string>().ShouldStartWith("msg_");
        done["content_index"]!.GetValue<int>().ShouldBe(0);
        done["output_index"]!.GetValue<int>().ShouldBe(4);
        var final = events[^1]["response"]!;
        final["status"]!.GetValue<string>().ShouldBe("completed");
        final["usage"]!["total_tokens"]!.GetValue<int>().ShouldBeGreaterThan(0);
        final["output"]!.AsArray().Last()!["content"]![0]!["text"]!.GetValue<string>().ShouldBe(done["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Stream_WritesEachEventWhenItsTimeComes()
    {
        using var response = await _harness.OpenStreamAsync(HttpMethod.Post, AgentHarness.Responses, AgentHarness.Body(preset: "fast", stream: true));
        await using var events = System.Net.ServerSentEvents.SseParser.Create(await response.Content.ReadAsStreamAsync()).EnumerateAsync().GetAsyncEnumerator();

        (await events.MoveNextAsync()).ShouldBeTrue();
        events.Current.Data.ShouldContain("response.created");
        var pending = events.MoveNextAsync();
        await _harness.AdvanceAsync(TimeSpan.FromMilliseconds(999));
        pending.IsCompleted.ShouldBeFalse();
        await _harness.AdvanceAsync(TimeSpan.FromMilliseconds(1));
        pending.IsCompleted.ShouldBeTrue();
        (await pending).ShouldBeTrue();

        events.Current.Data.ShouldContain("response.in_progress");
    }

    [Fact]
    public async Task Stream_IncludeUsageFalse_LeavesUsageOutOfTheTerminalSnapshot()
    {
        var body = AgentHarness.Body(preset: "fast", background: false, stream: true);
        body["stream_options"] = new JsonObject { ["include_usage"] = false };
        using var response = await _harness.OpenStreamAsync(HttpMethod.Post, AgentHarness.Responses, body);

        var events = await _harness.ReadEventsAsync(response);

        events[^1]["response"]!["usage"].ShouldBeNull();
    }

    [Theory]
    [InlineData("fail", "response.failed", "failed")]
    [InlineData("incomplete", "response.incomplete", "incomplete")]
    [InlineData("cancel", "response.cancelled", "cancelled")]
    public async Task Stream_ScriptedEnding_EndsWithItsTerminalEvent(string outcome, string terminal, string status)
    {
        var script = _harness.Emulator.Script.ForAnyAgentRun();
        _ = outcome switch { "fail" => script.Fail("model crashed"), "incomplete" => script.EndIncomplete(), _ => script.CancelByServer() };
        using var response = await _harness.OpenStreamAsync(HttpMethod.Post, AgentHarness.Responses, AgentHarness.Body(preset: "low", stream: true));

        var events = await _harness.ReadEventsAsync(response);

        var types = events.Select(e => e["type"]!.GetValue<string>()).ToList();
        types.Count(Terminals.Contains).ShouldBe(1);
        types[^1].ShouldBe(terminal);
        events[^1]["response"]!["status"]!.GetValue<string>().ShouldBe(status);
        if (outcome == "fail")
        {
            events[^1]["error"]!["message"]!.GetValue<string>().ShouldBe("model crashed");
            types.ShouldNotContain("response.output_text.delta");
        }
    }

    [Fact]
    public async Task Stream_CancelledThroughTheApi_EndsWithResponseCancelled()
    {
        using var response = await _harness.OpenStreamAsync(HttpMethod.Post, AgentHarness.Responses, AgentHarness.Body(stream: true));
        var id = _harness.Emulator.AgentRuns.Single().Id;
        await using var events = _harness.EnumerateAsync(await response.Content.ReadAsStreamAsync(), TimeSpan.FromMilliseconds(100), 100_000).GetAsyncEnumerator();
        (await events.MoveNextAsync()).ShouldBeTrue();
        (await events.MoveNextAsync()).ShouldBeTrue();

        (await _harness.SendAsync(HttpMethod.Post, $"{AgentHarness.Responses}/{id}/cancel")).Status.ShouldBe(HttpStatusCode.OK);
        var rest = new List<JsonObject>();
        while (await events.MoveNextAsync())
        {
            rest.Add(JsonNode.Parse(events.Current.Data)!.AsObject());
        }

        rest[^1]["type"]!.GetValue<string>().ShouldBe("response.cancelled");
        rest[^1]["response"]!["error"]!["code"]!.GetValue<string>().ShouldBe("cancelled");
        rest.ShouldAllBe(e => e["type"]!.GetValue<string>() != "response.output_text.delta");
    }

    [Fact]
    public async Task DropStreamAfter_BreaksTheBodyWithAnIOExceptionAfterThatManyEvents()
    {
        _harness.Emulator.Faults.Next(1).DropStreamAfter(5);
        using var response = await _harness.OpenStreamAsync(HttpMethod.Post, AgentHarness.Responses, AgentHarness.Body(stream: true));
        var events = new List<string>();

        var ex = await AgentHarness.CatchAsync<IOException>(async () =>
        {
            await foreach (var item in _harness.EnumerateAsync(await response.Content.ReadAsStreamAsync(), TimeSpan.FromMilliseconds(250), 100_000))
            {
                events.Add(item.Data);
            }
        });

        events.Count.ShouldBe(5);
        ex.ShouldBeOfType<HttpIOException>().HttpRequestError.ShouldBe(HttpRequestError.ResponseEnded);
        _harness.Emulator.Faults.Pending.ShouldBe(0);
    }

    [Fact]
    public async Task DropStreamAfter_MidLine_WritesHalfTheNextLineBeforeBreaking()
    {
        _harness.Emulator.Faults.Next(1).DropStreamAfter(2, midLine: true);
        using var response = await _harness.OpenStreamAsync(HttpMethod.Post, AgentHarness.Responses, AgentHarness.Body(stream: true));
        _harness.Time.Advance(TimeSpan.FromSeconds(40));
        var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[1024];
        using var collected = new MemoryStream();

        await AgentHarness.CatchAsync<IOException>(async () =>
        {
            int n;
            while ((n = await stream.ReadAsync(buffer)) > 0)
            {
                collected.Write(buffer, 0, n);
            }
        });

        var blocks = System.Text.Encoding.UTF8.GetString(collected.ToArray()).Split("\n\n");
        blocks.Length.ShouldBe(3);
        blocks[0].ShouldStartWith("data: ");
        blocks[1].ShouldStartWith("data: ");
        blocks[2].ShouldStartWith("data: {");
        Should.Throw<Exception>(() => JsonNode.Parse(blocks[2].Substring(6)));
    }

    [Fact]
    public async Task EndStreamAfter_EndsCleanlyWithoutATerminalEvent()
    {
        _harness.Emulator.Faults.Next(1).EndStreamAfter(4);
        using var response = await _harness.OpenStreamAsync(HttpMethod.Post, AgentHarness.Responses, AgentHarness.Body(stream: true));

        var events = await _harness.ReadEventsAsync(response);

        events.Count.ShouldBe(4);
        events.ShouldAllBe(e => !Terminals.Contains(e["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ErrorEventAfter_WritesThatManyEventsThenABareErrorEventThenEnds()
    {
        _harness.Emulator.Faults.Next(1).ErrorEventAfter(3, "upstream stream broke (emulated)", "bad_gateway", "502");
        using var response = await _harness.OpenStreamAsync(HttpMethod.Post, AgentHarness.Responses, AgentHarness.Body(stream: true));

        var text = await _harness.ReadTextAsync(response);

        text.ShouldEndWith("\n\n");
        text.ShouldNotContain("event:");
        var blocks = text.Substring(0, text.Length - 2).Split("\n\n");
        blocks.Length.ShouldBe(4);
        blocks.ShouldAllBe(b => b.StartsWith("data: {", StringComparison.Ordinal) && !b.Contains('\n', StringComparison.Ordinal));
        var events = blocks.Select(b => JsonNode.Parse(b.Substring("data: ".Length))!.AsObject()).ToList();
        events.Take(3).Select(e => e["sequence_number"]!.GetValue<int>()).ShouldBe([0, 1, 2]);
        events[0]["type"]!.GetValue<string>().ShouldBe("response.created");
        events[3].ToJsonString().ShouldBe(
            """{"type":"error","sequence_number":3,"error":{"code":"502","message":"upstream stream broke (emulated)","type":"bad_gateway"}}""");
        _harness.Emulator.Faults.Pending.ShouldBe(0);
        _harness.Emulator.AgentRuns.Single().Status.ShouldNotBe("failed", "a stream error is not a run state");
    }

    [Fact]
    public async Task ErrorEventAfter_Zero_WritesTheDefaultInternalErrorBeforeTheFirstEvent()
    {
        _harness.Emulator.Faults.Next(1).ErrorEventAfter(0);
        using var response = await _harness.OpenStreamAsync(HttpMethod.Post, AgentHarness.Responses, AgentHarness.Body(stream: true));

        var events = await _harness.ReadEventsAsync(response);

        var error = events.ShouldHaveSingleItem();
        error["type"]!.GetValue<string>().ShouldBe("error");
        error["sequence_number"]!.GetValue<int>().ShouldBe(0);
        error["error"]!["message"]!.GetValue<string>().ShouldBe(FaultBuilder.DefaultStreamErrorMessage);
        error["error"]!["type"]!.GetValue<string>().ShouldBe("internal_error");
        error["error"]!["code"]!.GetValue<string>().ShouldBe("internal_error");
    }

    [Fact]
    public async Task ErrorEventAfter_NullCode_LeavesTheCodeOut()
    {
        _harness.Emulator.Faults.Next(1).ErrorEventAfter(1, code: null);
        using var response = await _harness.OpenStreamAsync(HttpMethod.Post, AgentHarness.Responses, AgentHarness.Body(stream: true));

        var events = await _harness.ReadEventsAsync(response);

        events.Count.ShouldBe(2);
        events[1]["error"]!.AsObject().Select(p => p.Key).ShouldBe(["message", "type"]);
    }

    [Fact]
    public async Task ErrorEventAfter_OnAResume_WritesTheErrorAfterThatManyReplayedEvents()
    {
        var run = _harness.Emulator.AddAgentRun("How do tides work?", "fast");
        _harness.Time.Advance(TimeSpan.FromSeconds(2));
        _harness.Emulator.Faults.Next(1).ErrorEventAfter(2);

        using var resumed = await _harness.OpenStreamAsync(HttpMethod.Get, $"{AgentHarness.Responses}/{run.Id}?stream=true&starting_after=0");
        var events = await _harness.ReadEventsAsync(resumed);

        events.Select(e => e["type"]!.GetValue<string>()).ShouldBe(["response.in_progress", events[1]["type"]!.GetValue<string>(), "error"]);
        events.Select(e => e["sequence_number"]!.GetValue<int>()).ShouldBe([1, 2, 3]);
    }

    [Theory]
    [InlineData(-1, "m", "t")]
    [InlineData(0, " ", "t")]
    [InlineData(0, "m", "")]
    public void ErrorEventAfter_InvalidArguments_ThrowAndQueueNothing(int events, string message, string type)
    {
        var builder = _harness.Emulator.Faults.Next(1);

        Should.Throw<ArgumentException>(() => builder.ErrorEventAfter(events, message, type));

        _harness.Emulator.Faults.Pending.ShouldBe(0);
    }

    [Fact]
    public async Task StreamFaults_SpareRequestsThatAreNotStreams()
    {
        _harness.Emulator.Faults.Next(1).DropStreamAfter(0);

        var created = await _harness.CreateAsync();
        (await _harness.SnapshotAsync(created["id"]!.GetValue<string>()))["status"]!.GetValue<string>().ShouldBe("queued");

        _harness.Emulator.Faults.Pending.ShouldBe(1);
    }

    [Theory]
    [InlineData(false, "}\n\n\n\n\ndata: ")]
    [InlineData(true, "}\n\n: keep-alive\n\n: keep-alive\n\n: keep-alive\n\ndata: ")]
    public async Task Stream_WhileSilent_SendsKeepAlivesAtTheInterval(bool asComment, string expected)
    {
        using var harness = new AgentHarness(o => o.AgentKeepAliveAsComment = asComment);
        harness.Emulator.Script.ForAnyAgentRun().QueuedFor(TimeSpan.FromSeconds(50));
        using var response = await harness.OpenStreamAsync(HttpMethod.Post, AgentHarness.Responses, AgentHarness.Body(preset: "fast", stream: true));

        var text = await harness.ReadTextAsync(response, TimeSpan.FromSeconds(1));

        text.ShouldContain(expected);
        var events = System.Net.ServerSentEvents.SseParser.Create(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text))).Enumerate().ToList();
        events[1].Data.ShouldContain("response.in_progress");
    }

    [Fact]
    public async Task Stream_KeepAliveNull_SendsNone()
    {
        using var harness = new AgentHarness(o => o.AgentKeepAliveInterval = null);
        harness.Emulator.Script.ForAnyAgentRun().QueuedFor(TimeSpan.FromSeconds(50));
        using var response = await harness.OpenStreamAsync(HttpMethod.Post, AgentHarness.Responses, AgentHarness.Body(preset: "fast", stream: true));

        var text = await harness.ReadTextAsync(response, TimeSpan.FromSeconds(1));

        text.ShouldNotContain("\n\n\n");
    }

    [Fact]
    public async Task Stream_ReadWithACancelledToken_ThrowsOperationCanceled()
    {
        using var response = await _harness.OpenStreamAsync(HttpMethod.Post, AgentHarness.Responses, AgentHarness.Body(stream: true));
        var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        (await stream.ReadAsync(buffer)).ShouldBeGreaterThan(0);
        using var cts = new CancellationTokenSource();

        var pending = stream.ReadAsync(buffer, cts.Token);
        pending.IsCompleted.ShouldBeFalse();
        await cts.CancelAsync();

        await AgentHarness.CatchAsync<OperationCanceledException>(async () => await pending);
    }

    [Fact]
    public async Task Stream_DisposedWhileAReadWaits_EndsTheRead()
    {
        var response = await _harness.OpenStreamAsync(HttpMethod.Post, AgentHarness.Responses, AgentHarness.Body(stream: true));
        var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        (await stream.ReadAsync(buffer)).ShouldBeGreaterThan(0);

        var pending = stream.ReadAsync(buffer);
        response.Dispose();

        await AgentHarness.CatchAsync<ObjectDisposedException>(async () => await pending);
    }

    [Fact]
    public async Task Stream_ReadBuffered_CompletesOnceTheRunHasEnded()
    {
        var send = _harness.Http.PostAsync(AgentHarness.Responses, new StringContent(AgentHarness.Body(preset: "fast", stream: true).ToJsonString()));
        send.IsCompleted.ShouldBeFalse();
        _harness.Time.Advance(TimeSpan.FromSeconds(4));
        using var response = await send;

        var text = await response.Content.ReadAsStringAsync();

        text.ShouldContain("response.completed");
    }

    public void Dispose() => _harness.Dispose();
}
