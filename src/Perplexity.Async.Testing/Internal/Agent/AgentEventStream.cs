using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>
/// The body of an Agent event stream, read-only and pulled: a read writes the events whose time has come
/// (<c>data: {json}</c> and a blank line each) and, when none has, waits on the emulator's clock for the next one (or
/// for a keep-alive, or for a cancel that rewrites the run's timeline). It ends after the terminal event. A stream
/// fault breaks or cuts it after a number of events, or ends it there with a bare <c>error</c> event.
/// </summary>
internal sealed class AgentEventStream : Stream
{
    private static readonly byte[] DataPrefix = Encoding.UTF8.GetBytes("data: ");
    private static readonly byte[] EventEnd = Encoding.UTF8.GetBytes("\n\n");

    private readonly AgentRunStore _store;
    private readonly AgentRun _run;
    private readonly Fault? _fault;
    private readonly byte[] _keepAlive;
    private readonly CancellationTokenSource _disposed = new();
    private byte[] _pending = [];
    private int _offset;
    private int _next;
    private int _written;
    private bool _ended;
    private bool _broken;
    private DateTimeOffset _lastWrite;

    public AgentEventStream(AgentRunStore store, AgentRun run, int startingAfter, Fault? fault)
    {
        _store = store;
        _run = run;
        _next = Math.Max(0, startingAfter + 1);
        _fault = fault;
        _keepAlive = Encoding.UTF8.GetBytes(store.Settings.KeepAliveAsComment ? ": keep-alive\n\n" : "\n");
        _lastWrite = store.Now;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("An event stream has no length.");

    public override long Position
    {
        get => throw new NotSupportedException("An event stream cannot seek.");
        set => throw new NotSupportedException("An event stream cannot seek.");
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (buffer is null)
        {
            throw new ArgumentNullException(nameof(buffer));
        }

        while (true)
        {
            ThrowIfDisposed();
            cancellationToken.ThrowIfCancellationRequested();
            if (_offset < _pending.Length)
            {
                var n = Math.Min(count, _pending.Length - _offset);
                Buffer.BlockCopy(_pending, _offset, buffer, offset, n);
                _offset += n;
                return n;
            }

            if (_broken)
            {
                throw Reset();
            }

            if (_ended)
            {
                return 0;
            }

            var (nextAt, changed, now) = Fill();
            if (_pending.Length == 0 && !_broken && !_ended)
            {
                await WaitAsync(nextAt, changed, now, cancellationToken).ConfigureAwait(false);
            }
        }
    }

#if NET
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var array = new byte[buffer.Length];
        var n = await ReadAsync(array, 0, array.Length, cancellationToken).ConfigureAwait(false);
        array.AsMemory(0, n).CopyTo(buffer);
        return n;
    }
#endif

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("An event stream cannot seek.");

    public override void SetLength(long value) => throw new NotSupportedException("An event stream is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("An event stream is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed.IsCancellationRequested)
        {
            _disposed.Cancel();
            _disposed.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Takes the due events (or a keep-alive) into the pending bytes; what to wait for when there are none.</summary>
    private (DateTimeOffset? NextAt, Task Changed, DateTimeOffset Now) Fill() => _store.Read(now =>
    {
        using var bytes = new MemoryStream();
        var timeline = _run.Timeline;
        while (_next < timeline.Count && timeline[_next].At <= now)
        {
            var line = AgentEventJson.Write(_run, _next);
            if (_fault is { } fault && _written == fault.Events)
            {
                _broken = fault.Kind == FaultKind.DropStream;
                _ended = !_broken;
                if (_broken && fault.MidLine)
                {
                    bytes.Write(DataPrefix, 0, DataPrefix.Length);
                    bytes.Write(line, 0, line.Length / 2);
                }
                else if (fault.Kind == FaultKind.ErrorEvent)
                {
                    var error = AgentEventJson.WriteError(_next, fault.ErrorMessage, fault.ErrorType, fault.ErrorCode);
                    bytes.Write(DataPrefix, 0, DataPrefix.Length);
                    bytes.Write(error, 0, error.Length);
                    bytes.Write(EventEnd, 0, EventEnd.Length);
                }

                break;
            }

            bytes.Write(DataPrefix, 0, DataPrefix.Length);
            bytes.Write(line, 0, line.Length);
            bytes.Write(EventEnd, 0, EventEnd.Length);
            _written++;
            _ended = timeline[_next].IsTerminal;
            _next++;
            if (_ended)
            {
                break;
            }
        }

        // A replay that starts after the terminal event has nothing more to send.
        _ended |= _run.Terminal is not null && _next >= timeline.Count;
        if (bytes.Length == 0 && !_ended && !_broken && _store.Settings.KeepAliveInterval is { } interval && now - _lastWrite >= interval)
        {
            bytes.Write(_keepAlive, 0, _keepAlive.Length);
        }

        if (bytes.Length > 0)
        {
            _lastWrite = now;
        }

        _pending = bytes.ToArray();
        _offset = 0;
        return (_next < timeline.Count ? timeline[_next].At : (DateTimeOffset?)null, _run.Changed, now);
    });

    /// <summary>Waits for the next event's time, the next keep-alive or a rewrite of the timeline, whichever comes first.</summary>
    private async Task WaitAsync(DateTimeOffset? nextAt, Task changed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var delay = nextAt is { } at ? at - now : Timeout.InfiniteTimeSpan;
        if (_store.Settings.KeepAliveInterval is { } interval)
        {
            var untilKeepAlive = _lastWrite + interval - now;
            delay = delay == Timeout.InfiniteTimeSpan || untilKeepAlive < delay ? untilKeepAlive : delay;
        }

        if (delay != Timeout.InfiniteTimeSpan && delay <= TimeSpan.Zero)
        {
            return;
        }

        // Completed inline by the timer (a FakeTimeProvider's Advance runs it), so the read resumes at once.
        var woken = new TaskCompletionSource<bool>();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
        using var registration = linked.Token.Register(() => woken.TrySetCanceled());
        using var timer = delay == Timeout.InfiniteTimeSpan
            ? null
            : _store.TimeProvider.CreateTimer(_ => woken.TrySetResult(true), null, delay, Timeout.InfiniteTimeSpan);
        _ = changed.ContinueWith(_ => woken.TrySetResult(true), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            await woken.Task.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ObjectDisposedException(nameof(AgentEventStream), "The event stream was disposed while a read was waiting.");
        }
    }

    private void ThrowIfDisposed()
    {
        if (_disposed.IsCancellationRequested)
        {
            throw new ObjectDisposedException(nameof(AgentEventStream));
        }
    }

#if NET
    private static System.Net.Http.HttpIOException Reset() =>
        new(System.Net.Http.HttpRequestError.ResponseEnded,
            "The response ended prematurely: the connection was reset after part of the event stream (emulated).");
#else
    private static IOException Reset() =>
        new("The response ended prematurely: the connection was reset after part of the event stream (emulated).");
#endif
}
