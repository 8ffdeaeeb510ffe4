using System.Net.Http;
using System.Threading;

namespace Perplexity.Async.Tests.TestSupport;

/// <summary>Passes requests through to a real handler and records the exact URI each one was sent to.</summary>
internal sealed class PassThroughRecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public List<Uri> Uris { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Uris.Add(request.RequestUri!);
        return base.SendAsync(request, cancellationToken);
    }
}
