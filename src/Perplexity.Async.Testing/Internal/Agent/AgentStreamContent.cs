using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>
/// A streaming <c>text/event-stream</c> body over an <see cref="AgentEventStream"/>. Read with
/// <see cref="HttpCompletionOption.ResponseHeadersRead"/> it hands the live stream to the reader, which then waits on
/// the emulator's clock; buffered (the default completion option) it completes only when the run has ended.
/// Disposing it ends a waiting read with <see cref="ObjectDisposedException"/>.
/// </summary>
internal sealed class AgentStreamContent : HttpContent
{
    private readonly Func<AgentEventStream> _open;
    private AgentEventStream? _stream;

    public AgentStreamContent(Func<AgentEventStream> open)
    {
        _open = open;
        Headers.ContentType = new MediaTypeHeaderValue("text/event-stream") { CharSet = "utf-8" };
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(Open());

#if NET
    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => Open();

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => Task.FromResult<Stream>(Open());

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        CopyAsync(stream, cancellationToken);
#endif

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => CopyAsync(stream, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stream?.Dispose();
        }

        base.Dispose(disposing);
    }

    private AgentEventStream Open() => _stream ??= _open();

    private async Task CopyAsync(Stream target, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var source = Open();
        int read;
        while ((read = await source.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await target.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
            await target.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
