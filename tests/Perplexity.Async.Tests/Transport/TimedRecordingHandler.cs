using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Transport;

/// <summary>
/// Sits in front of the real socket handler: records each request with its time on the <see cref="TestClock"/> and
/// its body, tells the clock a request happened, and lets a test wait for the n-th request.
/// </summary>
internal sealed class TimedRecordingHandler(TestClock clock) : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly object _gate = new();
    private readonly List<Sent> _sent = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Queue<Fault> _faults = new();
    private readonly List<TrackingContent> _contents = [];

    public IReadOnlyList<Sent> Requests
    {
        get
        {
            lock (_gate)
            {
                return _sent.ToList();
            }
        }
    }

    /// <summary>The fake-clock offsets of the requests from the first one.</summary>
    public IReadOnlyList<TimeSpan> Offsets
    {
        get
        {
            var sent = Requests;
            return sent.Select(s => s.At - sent[0].At).ToList();
        }
    }

    /// <summary>Every response body handed to the client, in order.</summary>
    public IReadOnlyList<TrackingContent> Contents
    {
        get
        {
            lock (_gate)
            {
                return _contents.ToList();
            }
        }
    }

    /// <summary>The next request fails as if the server reset the connection, without reaching WireMock.</summary>
    public TimedRecordingHandler ThenReset()
    {
        lock (_gate)
        {
            _faults.Enqueue(Fault.Reset);
        }

        return this;
    }

    /// <summary>The next request gets no answer until it is cancelled, without reaching WireMock.</summary>
    public TimedRecordingHandler ThenHang()
    {
        lock (_gate)
        {
            _faults.Enqueue(Fault.Hang);
        }

        return this;
    }

    /// <summary>The next request goes to WireMock (to script a fault after it).</summary>
    public TimedRecordingHandler ThenServer()
    {
        lock (_gate)
        {
            _faults.Enqueue(Fault.None);
        }

        return this;
    }

    public async Task WaitForRequestsAsync(int count)
    {
        while (Requests.Count < count)
        {
            if (!await _arrived.WaitAsync(TimeSpan.FromSeconds(15)))
            {
                throw new TimeoutException($"Only {Requests.Count} of {count} requests arrived.");
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Mark before the first await, so the clock never mistakes a timer made before this request for a new wait.
        var at = clock.GetUtcNow();
        clock.MarkEvent();
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Fault fault;
        lock (_gate)
        {
            _sent.Add(new Sent(request.Method, request.RequestUri!, at, body, _contents.All(c => c.IsDisposed)));
            fault = _faults.Count > 0 ? _faults.Dequeue() : Fault.None;
        }

        _arrived.Release();
        switch (fault)
        {
            case Fault.Reset:
                throw new HttpRequestException("Connection reset by peer (injected).", new SocketException((int)SocketError.ConnectionReset));
            case Fault.Hang:
                await Task.Delay(Timeout.Infinite, cancellationToken); // real-time-ok: hangs until cancelled, never elapses
                throw new InvalidOperationException("unreachable");
        }

        var response = await base.SendAsync(request, cancellationToken);
        var tracking = new TrackingContent(response.Content);
        response.Content = tracking;
        lock (_gate)
        {
            _contents.Add(tracking);
        }

        return response;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _arrived.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>A request as sent; <paramref name="EarlierResponsesDisposed"/> tells whether every earlier response was disposed by then.</summary>
    internal sealed record Sent(HttpMethod Method, Uri Uri, DateTimeOffset At, string? Body, bool EarlierResponsesDisposed);

    private enum Fault
    {
        None,
        Reset,
        Hang,
    }
}
