using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;

namespace Perplexity.Async.Errors;

/// <summary>
/// The one redaction path: every piece of text that leaves the SDK (exception messages, inner exceptions, log
/// values, span and metric tags) and may hold what a server sent back goes through it, so a server that echoes the
/// API key can never make the SDK repeat it. Models keep the server's data as sent; only text made from it is redacted.
/// </summary>
/// <remarks>
/// It lives with the errors, not the transport: errors, diagnostics, waits and the transport all use it, and a sink
/// that depends on nothing keeps the arrows between folders one-way.
/// </remarks>
internal sealed class Redactor
{
    /// <summary>What replaces the key.</summary>
    public const string Mask = "[REDACTED]";

    /// <summary>
    /// A cut-off tail of text that matches the first characters of the key is masked from this many characters on;
    /// shorter tails (a lone <c>p</c>) say nothing about the key and are too often ordinary text.
    /// </summary>
    public const int MinPartialKeyLength = 4;

    private readonly string _key;

    public Redactor(string apiKey)
    {
        _key = apiKey ?? string.Empty;
        LookAheadBytes = Encoding.UTF8.GetByteCount(_key);
    }

    /// <summary>A redactor with no key: it returns every text unchanged (a client built for mocking).</summary>
    public static Redactor None { get; } = new(string.Empty);

    /// <summary>Whether <paramref name="text"/> holds the key.</summary>
    public bool Contains(string? text) =>
        _key.Length > 0 && text is not null && text.IndexOf(_key, StringComparison.Ordinal) >= 0;

    /// <summary>Masks every occurrence of the key.</summary>
    public string? Redact(string? text) => Contains(text) ? text!.Replace(_key, Mask) : text;

    /// <summary>
    /// How many bytes of text past a cut let every key that straddles the cut be seen whole: the key's length in
    /// UTF-8. A reader that cuts a body keeps this many bytes more, so <see cref="RedactAndCut"/> can mask first.
    /// </summary>
    public int LookAheadBytes { get; }

    /// <summary>
    /// Masks the key, then cuts the result to <paramref name="maxLength"/> characters (never inside a mask or a
    /// surrogate pair, so the result may end a mask's length later). Redacting first means a key that straddles the
    /// cut is masked whole when the text goes on past the cut by the key's length (see <see cref="LookAheadBytes"/>);
    /// when it does not and the text was itself cut before it got here (a body read up to a cap), a tail that is the
    /// start of the key is masked as well, so no cut-off prefix of the key is left behind.
    /// </summary>
    /// <param name="text">The text, possibly already cut short by the caller.</param>
    /// <param name="maxLength">The longest result before the mask of a partial key.</param>
    /// <param name="wasTruncated">Whether <paramref name="text"/> is itself the start of a longer text.</param>
    public string RedactAndCut(string text, int maxLength, bool wasTruncated)
    {
        var redacted = Redact(text)!;
        if (redacted.Length <= maxLength)
        {
            return wasTruncated ? MaskPartialKeyAtEnd(redacted) : redacted;
        }

        var cut = CutPoint(redacted, maxLength);
        var result = redacted.Substring(0, cut);

        // Whatever followed the cut was seen: a key straddling it was masked above, unless the text ran out first.
        var seenWhole = redacted.Length - cut >= _key.Length || !wasTruncated;
        return seenWhole ? result : MaskPartialKeyAtEnd(result);
    }

    /// <summary>
    /// Returns <paramref name="exception"/> itself when nothing reachable from its <see cref="Exception.ToString"/>
    /// holds the key; otherwise a copy of its chain with every message masked (the types kept where they can be
    /// rebuilt, the stack traces of the rebuilt ones lost: a leaked key is worse than a lost frame).
    /// </summary>
    public Exception Sanitize(Exception exception)
    {
        if (exception is null)
        {
            throw new ArgumentNullException(nameof(exception));
        }

        return Contains(exception.ToString()) ? Rebuild(exception) : exception;
    }

    private Exception Rebuild(Exception exception)
    {
        var inner = exception.InnerException is { } cause ? Sanitize(cause) : null;
        var message = Redact(exception.Message)!;
        return exception switch
        {
#if NET
            HttpRequestException http => new HttpRequestException(http.HttpRequestError, message, inner, http.StatusCode),
            HttpIOException io => new HttpIOException(io.HttpRequestError, WithoutErrorSuffix(message, io.HttpRequestError), inner),
#else
            HttpRequestException => new HttpRequestException(message, inner),
#endif
            JsonException json => new JsonException(message, Redact(json.Path), json.LineNumber, json.BytePositionInLine, inner),
            IOException => new IOException(message, inner),
            InvalidDataException => new InvalidDataException(message, inner),
            InvalidOperationException => new InvalidOperationException(message, inner),
            _ => new RedactedException(exception.GetType().FullName ?? exception.GetType().Name, message, inner),
        };
    }

#if NET
    // HttpIOException.Message appends " (error)" to the message it was given; rebuilt as is, it would say it twice.
    private static string WithoutErrorSuffix(string message, HttpRequestError error)
    {
        var suffix = " (" + error + ")";
        return message.EndsWith(suffix, StringComparison.Ordinal) ? message.Substring(0, message.Length - suffix.Length) : message;
    }
#endif

    private int CutPoint(string redacted, int maxLength)
    {
        if (maxLength <= 0)
        {
            return 0;
        }

        // A mask that spans the cut is kept whole: half a mask reads like a bug and hides nothing more.
        if (_key.Length > 0)
        {
            for (var start = Math.Max(0, maxLength - Mask.Length + 1); start < maxLength; start++)
            {
                if (start + Mask.Length <= redacted.Length && string.CompareOrdinal(redacted, start, Mask, 0, Mask.Length) == 0)
                {
                    return start + Mask.Length;
                }
            }
        }

        return char.IsHighSurrogate(redacted[maxLength - 1]) ? maxLength + 1 : maxLength;
    }

    private string MaskPartialKeyAtEnd(string text)
    {
        var longest = Math.Min(_key.Length - 1, text.Length);
        for (var length = longest; length >= MinPartialKeyLength; length--)
        {
            if (string.CompareOrdinal(text, text.Length - length, _key, 0, length) == 0)
            {
                return new StringBuilder(text, 0, text.Length - length, text.Length - length + Mask.Length).Append(Mask).ToString();
            }
        }

        return text;
    }
}
