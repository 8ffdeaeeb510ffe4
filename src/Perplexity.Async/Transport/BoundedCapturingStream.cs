using System;
using System.Buffers;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Perplexity.Async.Transport;

/// <summary>
/// A read-only view of a response body that stops past a size limit and remembers the first bytes, so a
/// parse failure can quote the body without the body ever being read into a string first. The excerpt buffer
/// is pooled.
/// </summary>
internal sealed class BoundedCapturingStream : Stream
{
    private readonly Stream _inner;
    private readonly long _limit;
    private byte[]? _excerpt;
    private int _excerptLength;
    private long _total;

    public BoundedCapturingStream(Stream inner, long limit)
    {
        _inner = inner;
        _limit = limit;
        _excerpt = ArrayPool<byte>.Shared.Rent(ClientDefaults.BodyExcerptBytes);
    }

    /// <summary>Raised with the limit when the body grows past it.</summary>
    public bool LimitExceeded { get; private set; }

    public long BytesRead => _total;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _total;
        set => throw new NotSupportedException();
    }

    /// <summary>The first bytes read, as text (invalid UTF-8 replaced).</summary>
    public string Excerpt() =>
        _excerpt is null ? string.Empty : Encoding.UTF8.GetString(_excerpt, 0, _excerptLength);

    public override int Read(byte[] buffer, int offset, int count) => Track(buffer, offset, _inner.Read(buffer, offset, count));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Track(buffer, offset, await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

#if NET
    // Pooled: over a network each read that waits would otherwise allocate its state machine, which reading the
    // response stream directly does not.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Capture(buffer.Span.Slice(0, read));
        return Count(read);
    }
#endif

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            if (_excerpt is not null)
            {
                ArrayPool<byte>.Shared.Return(_excerpt);
                _excerpt = null;
            }
        }

        base.Dispose(disposing);
    }

    private int Track(byte[] buffer, int offset, int read)
    {
        Capture(new ReadOnlySpan<byte>(buffer, offset, read));
        return Count(read);
    }

    private void Capture(ReadOnlySpan<byte> data)
    {
        if (_excerpt is null || _excerptLength >= ClientDefaults.BodyExcerptBytes)
        {
            return;
        }

        var take = Math.Min(data.Length, ClientDefaults.BodyExcerptBytes - _excerptLength);
        data.Slice(0, take).CopyTo(_excerpt.AsSpan(_excerptLength));
        _excerptLength += take;
    }

    private int Count(int read)
    {
        _total += read;
        if (_total > _limit)
        {
            LimitExceeded = true;
            throw new PerplexityProtocolException(
                $"The response body is larger than the {_limit}-byte limit (PerplexityAsyncClientOptions.MaxResponseContentBytes).");
        }

        return read;
    }
}
