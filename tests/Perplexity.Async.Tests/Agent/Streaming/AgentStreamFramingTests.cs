using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Agent.Streaming;

/// <summary>The SSE framing a stream may arrive in, scripted byte for byte: what the SDK tolerates and what it refuses.</summary>
public sealed class AgentStreamFramingTests : IDisposable
{
    private const string Id = "resp_framing";
    private readonly TestClock _clock = new();
    private readonly ScriptedHandler _handler;
    private readonly CapturingLoggerProvider _logs = new();
    private readonly PerplexityAsyncClient _client;

    public AgentStreamFramingTests()
    {
        _handler = new ScriptedHandler(_clock);
        _client = new PerplexityAsyncClient(new HttpClient(_handler), new PerplexityAsyncClientOptions
        {
            ApiKey = "pplx-framing-tests",
            BaseAddress = new Uri("https://api.example.test/"),
            TimeProvider = _clock,
            MaxRetries = 0,
            RequestTimeout = null,
            MaxResponseContentBytes = 64 * 1024,
            LoggerFactory = _logs,
            Polling = AgentClientHarness.Exact(),
        });
    }

    private static string Snapshot(string status) =>
        $$"""{"id":"{{Id}}","object":"response","created_at":1791572935,"status":"{{status}}","model":"fast","output":[]}""";

    internal static string Created(long n = 0) => $$"""{"type":"response.created","sequence_number":{{n}},"response":{{Snapshot("queued")}}}""";

    internal static string Delta(long n, string text) =>
        $$"""{"type":"response.output_text.delta","sequence_number":{{n}},"item_id":"msg_1","output_index":0,"content_index":0,"delta":"{{text}}"}""";

    internal static string Completed(long n) => $$"""{"type":"response.completed","sequence_number":{{n}},"response":{{Snapshot("completed")}}}""";

    private static HttpResponseMessage Sse(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "text/event-stream") };

    private static string Data(params string[] events) => string.Concat(events.Select(e => "data: " + e + "\n\n"));

    private Task<List<AgentStreamEvent>> StreamAsync(AgentStreamingOptions? options = null) =>
        _clock.DriveAsync(AgentStreamTests.CollectAsync(
            _client.Agent.StreamAsync(AgentClientHarness.Fast(), options, CancellationToken.None)));

    [Fact]
    public async Task StreamAsync_EventAndIdLinesCommentsAndKeepAlives_AreToleratedAndEventsKeepTheirOrder()
    {
        _handler.Then(() => Sse(
            ": a comment\n\n"
            + "\n\n\n"
            + "event: response.created\nid: 0\ndata: " + Created() + "\n\n"
            + ": keep-alive\n\n"
            + "\r\n"
            + "id: 1\r\ndata: " + Delta(1, "Hel") + "\r\n\r\n"
            + "retry: 3000\ndata: " + Delta(2, "lo") + "\n\n"
            + "data: " + Completed(3) + "\n\n"));

        var events = await StreamAsync();

        events.Select(e => e.Type).ShouldBe(["response.created", "response.output_text.delta", "response.output_text.delta", "response.completed"]);
        string.Concat(events.OfType<AgentOutputTextDeltaEvent>().Select(d => d.Delta)).ShouldBe("Hello");
    }

    [Fact]
    public async Task StreamAsync_ServerKeepsTheConnectionOpenAfterTheTerminalEvent_EndsAfterIt()
    {
        _handler.Then(() => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new HangingStream(Encoding.UTF8.GetBytes(Data(Created(), Completed(1)))))
            {
                Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/event-stream") },
            },
        });

        var events = await StreamAsync();

        events.Count.ShouldBe(2);
        events[^1].ShouldBeOfType<AgentResponseCompletedEvent>();
    }

    [Fact]
    public async Task StreamAsync_BareErrorEvent_ThrowsStreamErrorWithTheRunId()
    {
        _handler.Then(() => Sse(Data(Created(), Delta(1, "Hi"))
            + "event: error\ndata: {\"type\":\"error\",\"error\":{\"message\":\"upstream overloaded\",\"type\":\"server_error\",\"code\":503}}\n\n"));

        var ex = await Should.ThrowAsync<PerplexityStreamErrorException>(StreamAsync());

        ex.JobId.ShouldBe(Id);
        ex.ErrorMessage.ShouldBe("upstream overloaded");
        ex.ErrorCode.ShouldBe("503");
        ex.Message.ShouldContain("upstream overloaded");
    }

    [Fact]
    public async Task StreamAsync_ErrorTypedDataWithoutEventLine_ThrowsStreamError()
    {
        _handler.Then(() => Sse(Data(Created(), """{"type":"error","code":"stream_failed","message":"flat form","sequence_number":1}""")));

        var ex = await Should.ThrowAsync<PerplexityStreamErrorException>(StreamAsync());

        ex.ErrorMessage.ShouldBe("flat form");
        ex.JobId.ShouldBe(Id);
    }

    [Fact]
    public async Task StreamAsync_ErrorEventWithPlainTextData_ThrowsStreamErrorCarryingTheText()
    {
        _handler.Then(() => Sse(Data(Created()) + "event: error\ndata: the stream broke\n\n"));

        var ex = await Should.ThrowAsync<PerplexityStreamErrorException>(StreamAsync());

        ex.ErrorMessage.ShouldBe("the stream broke");
    }

    [Fact]
    public async Task StreamAsync_LineLongerThanTheCap_ThrowsProtocolErrorWithTheRunId()
    {
        var huge = new string('x', 70 * 1024);
        _handler.Then(() => Sse(Data(Created(), Delta(1, huge), Completed(2))));

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(StreamAsync());

        ex.Message.ShouldContain("longer than 65536 bytes");
        ex.JobId.ShouldBe(Id);
    }

    [Fact]
    public async Task StreamAsync_EventOfManyDataLinesLargerThanTheCap_ThrowsProtocolError()
    {
        var line = "data: " + new string(' ', 20 * 1024) + "\n";
        _handler.Then(() => Sse(Data(Created()) + string.Concat(Enumerable.Repeat(line, 4)) + "\n"));

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(StreamAsync());

        ex.Message.ShouldContain("more than 65536");
    }

    [Fact]
    public async Task StreamAsync_MalformedEventJson_ThrowsProtocolErrorWithTheRunId()
    {
        _handler.Then(() => Sse(Data(Created(), "{\"type\":\"response.output_text.delta\",")));

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(StreamAsync());

        ex.Message.ShouldContain("not the documented JSON");
        ex.JobId.ShouldBe(Id);
    }

    [Fact]
    public async Task StreamAsync_EventsWithoutSequenceNumber_AreDeliveredAndNeverDeduplicated()
    {
        _handler.Then(() => Sse(Data(
            Created(),
            """{"type":"response.reasoning.started","thought":"one"}""",
            """{"type":"response.reasoning.started","thought":"two"}""",
            Delta(1, "A"),
            Completed(2))));

        var events = await StreamAsync();

        events.OfType<AgentReasoningStartedEvent>().Select(e => e.Thought).ShouldBe(["one", "two"]);
        events.Count.ShouldBe(5);
    }

    [Fact]
    public async Task StreamAsync_ReplayedEventsAfterAResume_AreDroppedByTheirSequenceNumber()
    {
        _handler
            .Then(() => Sse(Data(Created(), Delta(1, "A"), Delta(2, "B"))))
            .Then(() => Sse(Data(Delta(1, "A"), Delta(2, "B"), Delta(3, "C"), Completed(4))));

        var events = await StreamAsync();

        events.Select(e => e.SequenceNumber).ShouldBe([0L, 1L, 2L, 3L, 4L]);
        _handler.Requests[1].Uri.Query.ShouldBe("?stream=true&starting_after=2");
        _handler.Requests[1].Headers["Accept"].ShouldBe("text/event-stream");
    }

    [Fact]
    public async Task StreamAsync_DoneSentinelAndEmptyData_AreIgnored()
    {
        _handler.Then(() => Sse(Data(Created()) + "data:\n\n" + Data("[DONE]", Completed(1))));

        var events = await StreamAsync();

        events.Select(e => e.SequenceNumber).ShouldBe([0L, 1L]);
    }

    [Fact]
    public async Task StreamAsync_UnknownEventType_IsYieldedRaw()
    {
        _handler.Then(() => Sse(Data(Created(), """{"type":"response.future_thing","sequence_number":1,"x":[1,2]}""", Completed(2))));

        var events = await StreamAsync();

        var unknown = events[1].ShouldBeOfType<AgentUnknownStreamEvent>();
        unknown.Type.ShouldBe("response.future_thing");
        unknown.SequenceNumber.ShouldBe(1);
        unknown.Json.GetProperty("x").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task StreamAsync_WrongContentTypeOnTheCreate_ThrowsCreateOutcomeUnknown()
    {
        _handler.Then(() => Api.Json(Snapshot("queued")));

        var ex = await Should.ThrowAsync<PerplexityCreateOutcomeUnknownException>(StreamAsync());

        ex.InnerException.ShouldBeOfType<PerplexityProtocolException>().Message.ShouldContain("event stream");
        _handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task StreamAsync_SilentPastTheIdleTimeout_CountsAsADropAndResumesAndLogsIt()
    {
        var body = new HangingStream(Encoding.UTF8.GetBytes(Data(Created(), Delta(1, "A"))));
        _handler
            .Then(() => new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StreamContent(body)
                {
                    Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/event-stream") },
                },
            })
            .Then(() => Sse(Data(Delta(2, "B"), Completed(3))));
        var options = new AgentStreamingOptions { IdleTimeout = TimeSpan.FromSeconds(30) };

        var reading = _client.Agent.StreamAsync(AgentClientHarness.Fast(), options, CancellationToken.None).GetAsyncEnumerator();
        var events = new List<AgentStreamEvent>();
        (await reading.MoveNextAsync()).ShouldBeTrue();
        events.Add(reading.Current);
        (await reading.MoveNextAsync()).ShouldBeTrue();
        events.Add(reading.Current);
        await body.Hanging.Task.WaitAsync(TimeSpan.FromSeconds(15)); // real-time-ok: a safety bound; the reader is back on the connection
        _clock.Advance(TimeSpan.FromSeconds(29));
        _handler.Requests.Count.ShouldBe(1, "29 s of silence is within the idle timeout");
        _clock.Advance(TimeSpan.FromSeconds(1));

        // The rest needs no more time: the resume follows the drop at once and its body is complete.
        while (await reading.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15))) // real-time-ok: a safety bound, never elapses

        {
            events.Add(reading.Current);
        }

        await reading.DisposeAsync();
        events.Select(e => e.SequenceNumber).ShouldBe([0L, 1L, 2L, 3L]);
        _handler.Requests[1].Uri.Query.ShouldBe("?stream=true&starting_after=1");
        var resumed = _logs.Entries.Where(e => e.EventId.Id == 2005).ShouldHaveSingleItem();
        resumed.Message.ShouldContain("silent for 30 s");
        resumed.Message.ShouldContain(Id);
    }

    [Fact]
    public async Task StreamAsync_ResumeAnswers400_LogsTheFallbackToPolling()
    {
        _handler
            .Then(() => Sse(Data(Created(), Delta(1, "A"))))
            .Then(() => Api.Json("""{"error":{"message":"reconnect cursor expired","type":"invalid_request","code":400}}""", HttpStatusCode.BadRequest))
            .Then(() => Api.Json(Snapshot("completed")));

        var events = await StreamAsync();

        events[^1].ShouldBeOfType<AgentResponseCompletedEvent>().SequenceNumber.ShouldBe(2);
        _logs.Entries.ShouldContain(e => e.EventId.Id == 2006);
        _handler.Requests[2].Uri.Query.ShouldBeEmpty();
    }

    public void Dispose()
    {
        _client.Dispose();
        _logs.Dispose();
    }

    /// <summary>A body that sends its bytes, then neither ends nor sends more until its read is cancelled.</summary>
    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task StreamAsync_DecompressedBodyCorrupt_ThrowsProtocolExceptionWithTheRunId(string encoding)
    {
        // What a decompressing handler (AutomaticDecompression) hands the parser: .NET's own decoder over bytes that go wrong.
        var corrupt = RawHttpServer.CorruptBody(encoding);
        _handler.Then(() => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new ConcatStream(Encoding.UTF8.GetBytes(Data(Created())), Decoder(encoding, corrupt)))
            {
                Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/event-stream") },
            },
        });

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(StreamAsync());

        ex.Message.ShouldContain("could not be decoded");
        ex.JobId.ShouldBe(Id);
        (ex.InnerException is InvalidDataException or InvalidOperationException).ShouldBeTrue(ex.ToString());
        _handler.Requests.Count.ShouldBe(1, "a corrupt body is not a drop: it is not resumed");
    }

    [Fact]
    public async Task ResumeStreamAsync_EventsOfAnotherRun_ThrowsProtocolExceptionNamingBothIds()
    {
        _handler.Then(() => Sse(Data(Created(), Completed(1))));

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(_clock.DriveAsync(AgentStreamTests.CollectAsync(
            _client.Agent.ResumeStreamAsync("resp_mine", null, CancellationToken.None))));

        ex.Message.ShouldContain("resp_mine");
        ex.Message.ShouldContain(Id);
        ex.JobId.ShouldBe("resp_mine");
    }

    [Fact]
    public async Task StreamAsync_LaterSnapshotOfAnotherRun_ThrowsProtocolException()
    {
        var intruder = Completed(1).Replace(Id, "resp_intruder", StringComparison.Ordinal);
        _handler.Then(() => Sse(Data(Created(), intruder)));
        var seen = new List<AgentStreamEvent>();

        var reading = Collect(seen);
        await _clock.DriveAsync(reading);

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(reading);

        ex.Message.ShouldContain("resp_intruder");
        ex.JobId.ShouldBe(Id);
        seen.ShouldHaveSingleItem().ShouldBeOfType<AgentResponseCreatedEvent>();

        async Task Collect(List<AgentStreamEvent> into)
        {
            await foreach (var e in _client.Agent.StreamAsync(AgentClientHarness.Fast(), CancellationToken.None))
            {
                into.Add(e);
            }
        }
    }

    private static Stream Decoder(string encoding, byte[] bytes) => encoding switch
    {
        "gzip" => new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress),
        "deflate" => new System.IO.Compression.ZLibStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress),
        _ => new System.IO.Compression.BrotliStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress),
    };

    /// <summary>A prefix, then another stream: events that parse, then a body that breaks.</summary>
    private sealed class ConcatStream(byte[] prefix, Stream rest) : Stream
    {
        private int _offset;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_offset < prefix.Length)
            {
                var n = Math.Min(count, prefix.Length - _offset);
                Array.Copy(prefix, _offset, buffer, offset, n);
                _offset += n;
                return n;
            }

            return rest.Read(buffer, offset, count);
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                rest.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class HangingStream(byte[] prefix) : Stream
    {
        private int _offset;

        /// <summary>Completes when a read found nothing more to send and started waiting.</summary>
        public TaskCompletionSource Hanging { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_offset < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - _offset);
                prefix.AsMemory(_offset, n).CopyTo(buffer);
                _offset += n;
                return n;
            }

            var never = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            Hanging.TrySetResult();
            await using var registration = cancellationToken.Register(() => never.TrySetCanceled(cancellationToken));
            return await never.Task;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
