using System.IO;
using System.Text;
using System.Threading;
using Perplexity.Async.Errors;
using Perplexity.Async.Transport;

namespace Perplexity.Async.Tests.Transport;

/// <summary>
/// The stream every response body is read through: it counts, caps and keeps the first bytes for error messages.
/// Written for the mutants Stryker found surviving (docs/quality.md).
/// </summary>
public sealed class BoundedCapturingStreamTests
{
    private const int Excerpt = 1024; // ClientDefaults.BodyExcerptBytes

    [Fact]
    public void Capabilities_ReadOnlyForwardOnly_CanReadButNotSeekOrWrite()
    {
        using var stream = new BoundedCapturingStream(new MemoryStream([1, 2, 3]), limit: 100);

        stream.CanRead.ShouldBeTrue();
        stream.CanSeek.ShouldBeFalse();
        stream.CanWrite.ShouldBeFalse();
        Should.Throw<NotSupportedException>(() => stream.Length);
        Should.Throw<NotSupportedException>(() => stream.Position = 0);
        Should.Throw<NotSupportedException>(() => stream.Seek(0, SeekOrigin.Begin));
        Should.Throw<NotSupportedException>(() => stream.SetLength(1));
        Should.Throw<NotSupportedException>(() => stream.Write([1], 0, 1));
    }

    [Fact]
    public void Read_SmallReadsPastTheExcerptSize_KeepsExactlyTheFirstBytes()
    {
        var body = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 400).Select(i => (i % 10).ToString(System.Globalization.CultureInfo.InvariantCulture) + "abcd")));
        using var stream = new BoundedCapturingStream(new MemoryStream(body), limit: body.Length + 1);
        var buffer = new byte[7];

        while (stream.Read(buffer, 0, buffer.Length) > 0)
        {
        }

        stream.Position.ShouldBe(body.Length);
        stream.BytesRead.ShouldBe(body.Length);
        stream.Excerpt().ShouldBe(Encoding.ASCII.GetString(body, 0, Excerpt));
    }

    [Fact]
    public async Task ReadAsync_ArrayAndMemoryOverloads_CaptureInReadingOrder()
    {
        var body = Encoding.ASCII.GetBytes("{\"first\":1,\"second\":2}");
        using var stream = new BoundedCapturingStream(new MemoryStream(body), limit: 1000);
        var buffer = new byte[10];

        var first = await stream.ReadAsync(buffer, 0, 10, CancellationToken.None);
        var second = await stream.ReadAsync(buffer.AsMemory(0, 10), CancellationToken.None);

        (first + second).ShouldBe(20);
        stream.Excerpt().ShouldBe("{\"first\":1,\"second\":");
    }

    [Fact]
    public void Dispose_AfterReading_DisposesTheInnerStreamAndForgetsTheExcerpt()
    {
        var inner = new MemoryStream(Encoding.ASCII.GetBytes("abc"));
        var stream = new BoundedCapturingStream(inner, limit: 100);
        stream.Read(new byte[3], 0, 3).ShouldBe(3);
        stream.Excerpt().ShouldBe("abc");

        stream.Dispose();

        inner.CanRead.ShouldBeFalse();
        stream.Excerpt().ShouldBe(string.Empty);
        stream.Dispose(); // twice is harmless: the pooled buffer is returned once
    }
}
