using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Perplexity.Async.Errors;

namespace Perplexity.Async.Transport;

/// <summary>Reads the start of an error response's body as text, bounded and redacted, for the typed exception.</summary>
internal static class ErrorBodyReader
{
    /// <summary>
    /// The body's first <paramref name="maxBytes"/> bytes as text with the key masked, or null when there is none or
    /// the network broke. The key is masked before the text is cut: the reader keeps the key's length in bytes past
    /// the cap, so a key that straddles it is masked whole rather than leaving its start behind.
    /// </summary>
    /// <exception cref="PerplexityProtocolException">The body could not be decoded (a corrupt gzip, deflate or brotli body).</exception>
    public static async Task<string?> ReadAsync(
        HttpContent? content, HttpStatusCode status, int maxBytes, Redactor redactor, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return null;
        }

        try
        {
#if NET
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            // The key's length past the cap lets redaction see a key across the cut; one byte more tells whether the
            // body went on past what was read.
            var buffer = new byte[maxBytes + redactor.LookAheadBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length
                && (read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }

            var kept = Math.Min(length, buffer.Length - 1);
            var text = Encoding.UTF8.GetString(buffer, 0, kept);
            var maxLength = Encoding.UTF8.GetCharCount(buffer, 0, Math.Min(kept, maxBytes));
            return redactor.RedactAndCut(text, maxLength, wasTruncated: length > kept);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            // The status already tells what went wrong; a body cut off by the network adds nothing.
            return null;
        }
        catch (Exception ex) when (BodyDecoding.Failed(ex))
        {
            throw BodyDecoding.Error(ex, status, redactor);
        }
    }
}
