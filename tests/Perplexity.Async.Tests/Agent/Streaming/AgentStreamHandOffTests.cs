using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Agent.Streaming;

/// <summary>
/// The events of a stream reach the caller in batches (one hand-off per batch, not per event): a batch never waits for
/// the network, and a caller that stops while the reader waits on both ends releases the connection.
/// </summary>
public sealed class AgentStreamHandOffTests : IDisposable
{
    private const string Id = "resp_framing";

    // A deadline on a hang, not a delay: every awaited step completes as soon as the bytes it needs were sent.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    private readonly TestClock _clock = new();
    private readonly ScriptedHandler _handler;
    private readonly PerplexityAsyncClient _client;
    private readonly GatedStream _body = new();

    public AgentStreamHandOffTests()
    {
        _handler = new ScriptedHandler(_clock);
        _handler.Then(() => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(_body) { Headers = { ContentType = new MediaTypeHeaderValue("text/event-stream") } },
        });
        _client = new PerplexityAsyncClient(new HttpClient(_handler), new PerplexityAsyncClientOptions
        {
            ApiKey = "pplx-hand-off-tests",
            BaseAddress = new Uri("https://api.example.test/"),
            TimeProvider = _clock,
            MaxRetries = 0,
            RequestTimeout = null,
            Polling = AgentClientHarness.Exact(),
        });
    }

    private static string Data(string e) => "data: " + e + "\n\n";

    private static async Task<AgentStreamEvent> NextAsync(IAsyncEnumerator<AgentStreamEvent> events)
    {
        (await events.MoveNextAsync().AsTask().WaitAsync(Hang)).ShouldBeTrue();
        return events.Current;
    }

    [Fact]
    public async Task ResumeStreamAsync_EventsArriveOneAtATime_EachIsYieldedBeforeTheNextIsSent()
    {
        await using var events = _client.Agent.ResumeStreamAsync(Id, null, CancellationToken.None).GetAsyncEnumerator();

        _body.Send(Data(AgentStreamFramingTests.Created()));
        (await NextAsync(events)).ShouldBeOfType<AgentResponseCreatedEvent>();
        _body.Send(Data(AgentStreamFramingTests.Delta(1, "Hel")));
        (await NextAsync(events)).ShouldBeOfType<AgentOutputTextDeltaEvent>().Delta.ShouldBe("Hel");
        _body.Send(Data(AgentStreamFramingTests.Delta(2, "lo")));
        (await NextAsync(events)).ShouldBeOfType<AgentOutputTextDeltaEvent>().Delta.ShouldBe("lo");
        _body.Send(Data(AgentStreamFramingTests.Completed(3)));
        (await NextAsync(events)).ShouldBeOfType<AgentResponseCompletedEvent>();

        (await events.MoveNextAsync().AsTask().WaitAsync(Hang)).ShouldBeFalse();
        _handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ResumeStreamAsync_ManyEventsAtOnce_YieldsThemAllInOrderAcrossBatches()
    {
        const int deltas = (BatchedHandOffSize * 3) + 5;
        var sse = new StringBuilder(Data(AgentStreamFramingTests.Created()));
        for (var i = 1; i <= deltas; i++)
        {
            sse.Append(Data(AgentStreamFramingTests.Delta(i, "d" + i)));
        }

        _body.Send(sse.Append(Data(AgentStreamFramingTests.Completed(deltas + 1))).ToString());

        var events = await AgentStreamTests.CollectAsync(_client.Agent.ResumeStreamAsync(Id, null, CancellationToken.None)).WaitAsync(Hang);

        events.Select(e => e.SequenceNumber).ShouldBe(Enumerable.Range(0, deltas + 2).Select(i => (long)i));
        events.OfType<AgentOutputTextDeltaEvent>().Select(d => d.Delta).ShouldBe(Enumerable.Range(1, deltas).Select(i => "d" + i));
    }

    [Fact]
    public async Task ResumeStreamAsync_StoppedWhileAReadAndAHandOffWait_EndsAndReleasesTheConnection()
    {
        var events = _client.Agent.ResumeStreamAsync(Id, null, CancellationToken.None).GetAsyncEnumerator();
        _body.Send(Data(AgentStreamFramingTests.Created()));
        (await NextAsync(events)).ShouldBeOfType<AgentResponseCreatedEvent>();

        // The caller stops reading: the first delta's batch stays unread, so the second waits for it with a read in flight.
        _body.Send(Data(AgentStreamFramingTests.Delta(1, "a")));
        await _body.WaitingForData.WaitAsync(Hang);
        _body.Send(Data(AgentStreamFramingTests.Delta(2, "b")));
        await _body.WaitingForData.WaitAsync(Hang);

        await events.DisposeAsync().AsTask().WaitAsync(Hang);

        _body.ReadCancelled.ShouldBeTrue("the read in flight was stopped, not left behind");
        _body.Disposed.ShouldBeTrue("the connection is released");
        _handler.Requests.Count.ShouldBe(1, "a caller that stopped gets no resume");
    }

    private const int BatchedHandOffSize = Perplexity.Async.Waiting.BatchedHandOff<AgentStreamEvent>.BatchSize;

    public void Dispose() => _client.Dispose();

    /// <summary>A response body that serves what the test sent, and waits (cancellably) for more.</summary>
    private sealed class GatedStream : Stream
    {
        private readonly Channel<byte[]> _chunks = Channel.CreateUnbounded<byte[]>();
        private byte[] _current = [];
        private int _offset;

        /// <summary>Released each time a read found nothing sent and started waiting.</summary>
        public SemaphoreSlim WaitingForData { get; } = new(0);

        public bool ReadCancelled { get; private set; }

        public bool Disposed { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public void Send(string text) => _chunks.Writer.TryWrite(Encoding.UTF8.GetBytes(text));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_offset == _current.Length)
            {
                if (!_chunks.Reader.TryRead(out var next))
                {
                    WaitingForData.Release();
                    try
                    {
                        next = await _chunks.Reader.ReadAsync(cancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        ReadCancelled = true;
                        throw;
                    }
                }

                (_current, _offset) = (next, 0);
            }

            var n = Math.Min(buffer.Length, _current.Length - _offset);
            _current.AsMemory(_offset, n).CopyTo(buffer);
            _offset += n;
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read asynchronously.");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
