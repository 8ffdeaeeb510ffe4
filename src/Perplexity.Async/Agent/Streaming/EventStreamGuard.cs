using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Perplexity.Async;

/// <summary>
/// The body of one stream segment as the SSE parser reads it, with two guards the parser does not have: an idle
/// watchdog (no byte for the idle timeout cancels the segment, so a silent dead connection counts as a drop) and a cap
/// on a line's length (the parser would grow its line buffer without end). It only counts bytes between line breaks;
/// the parsing is <c>System.Net.ServerSentEvents</c>'s.
/// </summary>
/// <remarks>The watchdog runs only while a read waits on the network: time the consumer spends between reads does not count.</remarks>
internal sealed class EventStreamGuard : Stream
{
    private readonly Stream _inner;
    private readonly long _maxLineBytes;
    private readonly TimeSpan _idleTimeout;
    private readonly CancellationTokenSource _segment;
    private readonly ITimer _watchdog;
    private long _lineBytes;
    private int _idleExpired;

    /// <param name="inner">The response body.</param>
    /// <param name="timeProvider">The client's clock.</param>
    /// <param name="idleTimeout">How long one read may wait for a byte.</param>
    /// <param name="maxLineBytes">The longest line accepted.</param>
    /// <param name="segment">Cancelled when the watchdog fires; the parser's reads must observe its token.</param>
    public EventStreamGuard(Stream inner, TimeProvider timeProvider, TimeSpan idleTimeout, long maxLineBytes, CancellationTokenSource segment)
    {
        _inner = inner;
        _idleTimeout = idleTimeout;
        _maxLineBytes = maxLineBytes;
        _segment = segment;
        _watchdog = timeProvider.CreateTimer(static s => ((EventStreamGuard)s!).Expire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Whether the watchdog cancelled the segment.</summary>
    public bool IdleExpired => Volatile.Read(ref _idleExpired) != 0;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        _watchdog.Change(_idleTimeout, Timeout.InfiniteTimeSpan);
        int read;
        try
        {
            read = await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _watchdog.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        Count(new ReadOnlySpan<byte>(buffer, offset, read));
        return read;
    }

#if NET
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _watchdog.Change(_idleTimeout, Timeout.InfiniteTimeSpan);
        int read;
        try
        {
            read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _watchdog.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        Count(buffer.Span.Slice(0, read));
        return read;
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
            _watchdog.Dispose();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Expire()
    {
        Interlocked.Exchange(ref _idleExpired, 1);
        try
        {
            _segment.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The segment ended in the meantime.
        }
    }

    /// <summary>Counts the bytes since the last line break; a line longer than the cap is a protocol error.</summary>
    private void Count(ReadOnlySpan<byte> chunk)
    {
        while (true)
        {
            var end = chunk.IndexOfAny((byte)'\n', (byte)'\r');
            var length = end < 0 ? chunk.Length : end;
            _lineBytes += length;
            if (_lineBytes > _maxLineBytes)
            {
                throw new PerplexityProtocolException(
                    $"A line of the event stream is longer than {_maxLineBytes} bytes (PerplexityAsyncClientOptions.MaxResponseContentBytes); the stream is not read further.");
            }

            if (end < 0)
            {
                return;
            }

            _lineBytes = 0;
            chunk = chunk.Slice(end + 1);
        }
    }
}
