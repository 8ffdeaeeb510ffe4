using System.IO;
using System.Text;
using System.Threading;
using Microsoft.Extensions.Time.Testing;

namespace Perplexity.Async.Tests.Agent.Streaming;

/// <summary>
/// The line cap of an event stream, read chunk by chunk as the SSE parser reads it: a line is measured across chunk
/// boundaries, and a chunk longer than the cap still has each of its lines measured.
/// </summary>
public sealed class EventStreamGuardTests
{
    private const int Cap = 100;

    [Theory]
    [InlineData(Cap, false)]
    [InlineData(Cap + 1, true)]
    public void Read_LineAtOrOverTheCap_ThrowsOnlyOverIt(int length, bool throws)
    {
        var body = new string('x', length) + "\n" + "short\n";

        if (throws)
        {
            Should.Throw<PerplexityProtocolException>(() => ReadAll(body, chunk: 7)).Message.ShouldContain($"longer than {Cap} bytes");
        }
        else
        {
            ReadAll(body, chunk: 7).ShouldBe(body.Length);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(64)]
    [InlineData(99)]
    [InlineData(100)]
    [InlineData(4096)]
    public void Read_ManyShortLinesInAnyChunkSize_NeverThrows(int chunk)
    {
        var body = string.Concat(Enumerable.Range(0, 500).Select(i => $"data: {new string('a', i % (Cap - 10))}\r\n\n"));

        ReadAll(body, chunk).ShouldBe(body.Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(101)]
    [InlineData(4096)]
    public void Read_LongLineAmongShortOnes_ThrowsWhateverTheChunkSize(int chunk)
    {
        var body = "event: a\n" + string.Concat(Enumerable.Repeat("data: b\n", 30)) + new string('y', Cap + 1) + "\n" + "data: c\n";

        Should.Throw<PerplexityProtocolException>(() => ReadAll(body, chunk));
    }

    [Theory]
    [InlineData(Cap, false)]
    [InlineData(Cap + 1, true)]
    public void Read_LineSpanningThreeChunks_IsMeasuredWhole(int length, bool throws)
    {
        // Chunks of 50: the line starts 31 bytes into the first, fills the second without a break, ends in the third.
        var body = new string('p', 30) + "\n" + new string('q', length) + "\n";

        if (throws)
        {
            Should.Throw<PerplexityProtocolException>(() => ReadAll(body, chunk: 50));
        }
        else
        {
            ReadAll(body, chunk: 50).ShouldBe(body.Length);
        }
    }

    private static int ReadAll(string text, int chunk)
    {
        using var segment = new CancellationTokenSource();
        using var guard = new EventStreamGuard(
            new MemoryStream(Encoding.UTF8.GetBytes(text)), new FakeTimeProvider(), TimeSpan.FromMinutes(1), Cap, segment);
        var buffer = new byte[chunk];
        var total = 0;
        int read;
        while ((read = guard.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
        }

        return total;
    }
}
