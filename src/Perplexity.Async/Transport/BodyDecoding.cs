using System;
using System.IO;
using System.Net;
using Perplexity.Async.Errors;

namespace Perplexity.Async.Transport;

/// <summary>
/// A body that a decompressing handler (<c>AutomaticDecompression</c>, common with <c>IHttpClientFactory</c>) could
/// not decode: .NET's gzip and deflate streams throw <see cref="InvalidDataException"/>, its brotli stream
/// <see cref="InvalidOperationException"/> ("Decoder ran into invalid data"). Neither is a network failure; both mean
/// the server sent something that is not the documented body.
/// </summary>
internal static class BodyDecoding
{
    /// <summary>Whether <paramref name="exception"/>, thrown while reading a body, says the body could not be decoded.</summary>
    public static bool Failed(Exception exception) =>
        exception is InvalidDataException || (exception is InvalidOperationException && exception is not ObjectDisposedException);

    /// <summary>The protocol error for a body that could not be decoded, with the key masked in everything it carries.</summary>
    public static PerplexityProtocolException Error(Exception exception, HttpStatusCode status, Redactor redactor) =>
        new(
            $"The body of the {(int)status} response could not be decoded (a corrupt compressed body?): {redactor.Redact(exception.Message)}",
            status,
            bodyExcerpt: null,
            redactor.Sanitize(exception));
}
