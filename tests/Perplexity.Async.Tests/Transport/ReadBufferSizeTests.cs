using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Transport;

/// <summary>
/// The serializer's read buffer a body is read with: the default 16 KiB for a body known to be small, 256 KiB for one
/// that is large or whose length is not known (chunked, or decompressed by the caller's handler), where a completed
/// deep-research run's output items would otherwise straddle the buffer and be scanned again (docs/benchmarks.md).
/// </summary>
public sealed class ReadBufferSizeTests
{
    private const string ApiKey = "pplx-buffer-test-key";

    [Fact]
    public async Task GetAsync_SmallBodyOfKnownLength_ReadsWithTheDefaultBuffer()
    {
        var reads = await FirstReadSizeAsync(Body(padding: 0), knownLength: true);

        reads.ShouldBeLessThan(64 * 1024);
    }

    [Fact]
    public async Task GetAsync_LargeBodyOfKnownLength_ReadsWithTheLargeBuffer()
    {
        var reads = await FirstReadSizeAsync(Body(padding: 100_000), knownLength: true);

        reads.ShouldBeGreaterThanOrEqualTo(256 * 1024);
    }

    [Fact]
    public async Task GetAsync_BodyOfUnknownLength_ReadsWithTheLargeBuffer()
    {
        var reads = await FirstReadSizeAsync(Body(padding: 100_000), knownLength: false);

        reads.ShouldBeGreaterThanOrEqualTo(256 * 1024);
    }

    [Fact]
    public async Task GetAsync_LargeBodyOfUnknownLength_ReadsTheWholeRun()
    {
        var body = Body(padding: 300_000);

        using var client = Client(body, knownLength: false, out _);
        var run = await client.Agent.GetAsync("resp_buffer", CancellationToken.None);

        run.Id.ShouldBe("resp_buffer");
        run.Instructions!.Length.ShouldBe(300_000);
    }

    private static async Task<int> FirstReadSizeAsync(byte[] body, bool knownLength)
    {
        using var client = Client(body, knownLength, out var content);
        var run = await client.Agent.GetAsync("resp_buffer", CancellationToken.None);
        run.Id.ShouldBe("resp_buffer");
        return content.FirstReadSize;
    }

    private static PerplexityAsyncClient Client(byte[] body, bool knownLength, out ReadRecordingContent content)
    {
        var recording = new ReadRecordingContent(body, knownLength);
        content = recording;
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = recording });
        return new PerplexityAsyncClient(
            new HttpClient(handler), new PerplexityAsyncClientOptions { ApiKey = ApiKey, BaseAddress = new Uri("https://api.perplexity.ai/"), MaxRetries = 0 });
    }

    /// <summary>A completed run whose instructions are <paramref name="padding"/> characters long.</summary>
    private static byte[] Body(int padding)
    {
        var run = JsonNode.Parse(AgentFixture.Read("completed.json"))!.AsObject();
        run["id"] = "resp_buffer";
        run["instructions"] = new string('x', padding);
        return Encoding.UTF8.GetBytes(run.ToJsonString());
    }

    /// <summary>A JSON body that remembers the size of the first read asked of it, with or without a known length.</summary>
    private sealed class ReadRecordingContent : HttpContent
    {
        private readonly byte[] _body;
        private readonly bool _knownLength;

        public ReadRecordingContent(byte[] body, bool knownLength)
        {
            _body = body;
            _knownLength = knownLength;
            Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }

        public int FirstReadSize { get; private set; } = -1;

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_body, 0, _body.Length);

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new RecordingStream(this, _body));

        protected override bool TryComputeLength(out long length)
        {
            length = _knownLength ? _body.Length : 0;
            return _knownLength;
        }

        private sealed class RecordingStream(ReadRecordingContent owner, byte[] body) : MemoryStream(body, writable: false)
        {
            public override int Read(byte[] buffer, int offset, int count) => Record(count, base.Read(buffer, offset, count));

            public override int Read(Span<byte> buffer) => Record(buffer.Length, base.Read(buffer));

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                Task.FromResult(Record(count, base.Read(buffer, offset, count)));

            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
                new(Record(buffer.Length, base.Read(buffer.Span)));

            private int Record(int asked, int read)
            {
                if (owner.FirstReadSize < 0)
                {
                    owner.FirstReadSize = asked;
                }

                return read;
            }
        }
    }
}
