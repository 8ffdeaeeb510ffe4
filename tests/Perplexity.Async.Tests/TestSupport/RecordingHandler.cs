using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;

namespace Perplexity.Async.Tests.TestSupport;

/// <summary>
/// An in-memory server: answers every request with the <c>created.json</c> job whose id is the last path segment,
/// after failing the first one with <see cref="FirstStatus"/> when set.
/// </summary>
public sealed class RecordingHandler(HttpStatusCode? firstStatus = null) : HttpMessageHandler
{
    private readonly ConcurrentQueue<string> _requests = new();

    public HttpStatusCode? FirstStatus { get; } = firstStatus;

    /// <summary>Runs while each request is "on the wire", for example to advance a fake clock.</summary>
    public Action? OnSend { get; init; }

    public IReadOnlyList<string> Requests => [.. _requests];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request.RequestUri!.AbsoluteUri);
        OnSend?.Invoke();
        if (FirstStatus is { } status && _requests.Count == 1)
        {
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent("{}", Encoding.UTF8, "application/json") });
        }

        var id = request.RequestUri.Segments[^1];
        var body = Fixture.Read("created.json").Replace("req_01JD4Q8Z3Y7M0K5N2P6R9T1V4W", id, StringComparison.Ordinal);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
