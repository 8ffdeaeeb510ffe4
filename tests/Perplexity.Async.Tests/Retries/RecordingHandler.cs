using System.Net.Http;
using System.Threading;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Retries;

/// <summary>
/// Sits in front of the real socket handler: records each request with its time on the <see cref="TestClock"/> and
/// its body, tells the clock a request happened, and lets a test wait for the n-th request.
/// </summary>
internal sealed class RecordingHandler(TestClock clock) : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly object _gate = new();
    private readonly List<Sent> _sent = [];
    private readonly SemaphoreSlim _arrived = new(0);

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
        lock (_gate)
        {
            _sent.Add(new Sent(request.Method, request.RequestUri!, at, body));
        }

        _arrived.Release();
        return await base.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _arrived.Dispose();
        }

        base.Dispose(disposing);
    }

    internal sealed record Sent(HttpMethod Method, Uri Uri, DateTimeOffset At, string? Body);
}
