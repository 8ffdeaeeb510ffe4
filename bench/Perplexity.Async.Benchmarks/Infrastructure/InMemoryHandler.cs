using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Perplexity.Async.Benchmarks.Infrastructure;

/// <summary>
/// An HTTP handler that answers every request from memory with a fresh response over cached bytes, the way a
/// real handler hands over a body it has received: a new content per response, the media type as a raw header
/// that the reader parses. Both the SDK and the hand-written baseline go through the same handler, so only the
/// code above it is compared. Counts requests, for benchmarks that measure how many a call makes.
/// </summary>
public sealed class InMemoryHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, byte[]> _respond;
    private readonly bool _yields;
    private readonly string _mediaType;
    private long _requests;

    /// <summary>Answers every request with <paramref name="body"/>.</summary>
    public InMemoryHandler(byte[] body)
        : this(_ => body)
    {
    }

    /// <summary>Answers each request with the body <paramref name="respond"/> picks for it.</summary>
    /// <param name="respond">Picks the body of each response.</param>
    /// <param name="yields">
    /// Whether each answer completes asynchronously, as one from the network does, so that every async method above
    /// the handler suspends once; otherwise answers complete synchronously.
    /// </param>
    /// <param name="mediaType">The body's media type.</param>
    public InMemoryHandler(Func<HttpRequestMessage, byte[]> respond, bool yields = false, string mediaType = "application/json")
    {
        _respond = respond;
        _yields = yields;
        _mediaType = mediaType;
    }

    /// <summary>How many requests this handler has answered.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Starts counting from zero again.</summary>
    public void ResetCount() => Interlocked.Exchange(ref _requests, 0);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _yields ? AnswerLaterAsync(request) : Task.FromResult(Answer(request));

    private HttpResponseMessage Answer(HttpRequestMessage request)
    {
        Interlocked.Increment(ref _requests);
        var content = new ByteArrayContent(_respond(request));
        content.Headers.TryAddWithoutValidation("Content-Type", _mediaType);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }

    private async Task<HttpResponseMessage> AnswerLaterAsync(HttpRequestMessage request)
    {
        await Task.Yield();
        return Answer(request);
    }
}
