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
/// <remarks>
/// The watchdog is one timer per segment that reads only update a timestamp for (no timer is touched per read): when it
/// fires it cancels the segment if nothing arrived for the idle timeout, and otherwise sleeps for the rest of it. Time
/// the consumer spends with an event (<see cref="Pause"/> to <see cref="Resume"/>) does not count.
/// </remarks>
internal sealed class EventStreamGuard : Transport.ObservedReadStream
{
    private readonly long _maxLineBytes;
    private readonly TimeSpan _idleTimeout;
    private readonly TimeProvider _timeProvider;
    private readonly CancellationTokenSource _segment;
    private readonly ITimer _watchdog;
    private long _lineBytes;
    private long _lastActivity;
    private int _paused;

    /// <param name="inner">The response body.</param>
    /// <param name="timeProvider">The client's clock.</param>
    /// <param name="idleTimeout">How long the connection may stay silent.</param>
    /// <param name="maxLineBytes">The longest line accepted.</param>
    /// <param name="segment">Cancelled when the watchdog fires (and by nothing else but the caller's token it is linked to);
    /// the parser's reads must observe its token.</param>
    public EventStreamGuard(Stream inner, TimeProvider timeProvider, TimeSpan idleTimeout, long maxLineBytes, CancellationTokenSource segment)
        : base(inner)
    {
        _idleTimeout = idleTimeout;
        _maxLineBytes = maxLineBytes;
        _timeProvider = timeProvider;
        _segment = segment;
        _lastActivity = timeProvider.GetTimestamp();

        // A deadline, not a delay: its state is the source it cancels (as CancelAfter's timer is).
        _watchdog = timeProvider.CreateTimer(_ => Tick(), segment, idleTimeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The consumer has an event: silence from now on does not count until <see cref="Resume"/>.</summary>
    public void Pause() => Volatile.Write(ref _paused, 1);

    /// <summary>The consumer is back: the idle timeout counts from now.</summary>
    public void Resume()
    {
        Volatile.Write(ref _lastActivity, _timeProvider.GetTimestamp());
        Volatile.Write(ref _paused, 0);
    }

    /// <summary>Notes the activity and counts the bytes since the last line break; a line longer than the cap is a protocol error.</summary>
    protected override void OnRead(ReadOnlySpan<byte> chunk)
    {
        Volatile.Write(ref _lastActivity, _timeProvider.GetTimestamp());

        // Two scans a chunk, for its first and its last line break, not one a line: the lines between them lie whole in
        // the chunk, so none is longer than the chunk, and only a chunk longer than the cap needs them measured. A scan
        // per line cost about 6 % of reading a 5 MB stream of short events (docs/benchmarks.md, run of 2026-12-04).
        var first = chunk.IndexOfAny((byte)'\n', (byte)'\r');
        if (first < 0)
        {
            Count(chunk.Length);
            return;
        }

        // The line the previous chunk left open ends here.
        Count(first);
        _lineBytes = 0;
        var rest = chunk.Slice(first + 1);
        if (rest.Length > _maxLineBytes)
        {
            CountEachLine(rest);
            return;
        }

        var last = rest.LastIndexOfAny((byte)'\n', (byte)'\r');
        Count(last < 0 ? rest.Length : rest.Length - last - 1);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _watchdog.Dispose();
        }

        base.Dispose(disposing);
    }

    private void CountEachLine(ReadOnlySpan<byte> chunk)
    {
        while (true)
        {
            var end = chunk.IndexOfAny((byte)'\n', (byte)'\r');
            if (end < 0)
            {
                Count(chunk.Length);
                return;
            }

            Count(end);
            _lineBytes = 0;
            chunk = chunk.Slice(end + 1);
        }
    }

    private void Count(long bytes)
    {
        _lineBytes += bytes;
        if (_lineBytes > _maxLineBytes)
        {
            throw new PerplexityProtocolException(
                $"A line of the event stream is longer than {_maxLineBytes} bytes (PerplexityAsyncClientOptions.MaxResponseContentBytes); the stream is not read further.");
        }
    }

    private void Tick()
    {
        var silent = _timeProvider.GetElapsedTime(Volatile.Read(ref _lastActivity));
        try
        {
            if (Volatile.Read(ref _paused) == 0 && silent >= _idleTimeout)
            {
                _segment.Cancel();
                return;
            }

            _watchdog.Change(Volatile.Read(ref _paused) == 0 ? _idleTimeout - silent : _idleTimeout, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // The segment ended in the meantime.
        }
    }
}
