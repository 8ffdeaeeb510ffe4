using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Perplexity.Async.Transport;

/// <summary>Reads the start of an error response's body as text, bounded, for the typed exception.</summary>
internal static class ErrorBodyReader
{
    /// <summary>The body's first bytes as text, and whether it was longer than the cap; null when there is none or the network broke.</summary>
    public static async Task<(string? Text, bool Truncated)> ReadAsync(HttpContent? content, int maxBytes, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return (null, false);
        }

        try
        {
#if NET
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            // One byte more than the cap tells whether the body was cut.
            var buffer = new byte[maxBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length
                && (read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }

            var truncated = length > maxBytes;
            return (Encoding.UTF8.GetString(buffer, 0, truncated ? maxBytes : length), truncated);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            // The status already tells what went wrong; a body cut off by the network adds nothing.
            return (null, false);
        }
    }
}
