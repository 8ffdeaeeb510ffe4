using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Perplexity.Async.Transport;

/// <summary>
/// A read-only, forward-only view of a response body that shows every chunk read to <see cref="OnRead"/> before the
/// reader gets it: the base of the body guards (<see cref="BoundedCapturingStream"/> for JSON bodies, the event
/// stream's <c>EventStreamGuard</c>). Everything but reading is refused; disposing it disposes the body.
/// </summary>
internal abstract class ObservedReadStream : Stream
{
    private readonly Stream _inner;

    /// <param name="inner">The body read through this view; disposed with it.</param>
    protected ObservedReadStream(Stream inner) => _inner = inner;

    public sealed override bool CanRead => true;

    public sealed override bool CanSeek => false;

    public sealed override bool CanWrite => false;

    public sealed override long Length => throw new NotSupportedException();

    /// <summary>Not supported unless a guard knows its position.</summary>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public sealed override int Read(byte[] buffer, int offset, int count)
    {
        var read = _inner.Read(buffer, offset, count);
        OnRead(new ReadOnlySpan<byte>(buffer, offset, read));
        return read;
    }

    public sealed override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        var read = await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
        OnRead(new ReadOnlySpan<byte>(buffer, offset, read));
        return read;
    }

#if NET
    // Pooled: over a network each read that waits would otherwise allocate its state machine, which reading the
    // response stream directly does not.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public sealed override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        OnRead(buffer.Span.Slice(0, read));
        return read;
    }
#endif

    public sealed override void Flush()
    {
    }

    public sealed override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public sealed override void SetLength(long value) => throw new NotSupportedException();

    public sealed override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Sees each chunk as it is read (empty at the end of the body); throwing stops the read.</summary>
    protected abstract void OnRead(ReadOnlySpan<byte> chunk);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
