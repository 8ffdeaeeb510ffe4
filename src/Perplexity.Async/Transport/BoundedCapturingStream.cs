using System;
using System.Buffers;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Perplexity.Async.Errors;

namespace Perplexity.Async.Transport;

/// <summary>
/// A read-only view of a response body that stops past a size limit and remembers the first bytes, so a
/// parse failure can quote the body without the body ever being read into a string first. The excerpt buffer
/// is pooled. It keeps a few bytes past the excerpt (the key's length), so the key can be masked before the excerpt
/// is cut: a key that straddles the cut is masked whole instead of leaving its start behind.
/// </summary>
internal sealed class BoundedCapturingStream : ObservedReadStream
{
    private readonly long _limit;
    private readonly int _capacity;
    private byte[]? _excerpt;
    private int _excerptLength;
    private long _total;

    /// <param name="inner">The response body.</param>
    /// <param name="limit">The most bytes read before the stream throws.</param>
    /// <param name="lookAheadBytes">Bytes kept past the excerpt so redaction can see a key that straddles its end.</param>
    public BoundedCapturingStream(Stream inner, long limit, int lookAheadBytes = 0)
        : base(inner)
    {
        _limit = limit;
        _capacity = ClientDefaults.BodyExcerptBytes + Math.Max(0, lookAheadBytes);
        _excerpt = ArrayPool<byte>.Shared.Rent(_capacity);
    }

    /// <summary>Raised with the limit when the body grows past it.</summary>
    public bool LimitExceeded { get; private set; }

    public long BytesRead => _total;

    /// <summary>How many bytes the excerpt keeps: its size plus the look-ahead.</summary>
    public int ExcerptCapacity => _capacity;

    public override long Position
    {
        get => _total;
        set => throw new NotSupportedException();
    }

    /// <summary>The first bytes read (up to the excerpt's size), as text (invalid UTF-8 replaced), not redacted.</summary>
    public string Excerpt() =>
        _excerpt is null ? string.Empty : Encoding.UTF8.GetString(_excerpt, 0, Math.Min(_excerptLength, ClientDefaults.BodyExcerptBytes));

    /// <summary>
    /// The excerpt with the key masked before it is cut to the first <see cref="ClientDefaults.BodyExcerptBytes"/>
    /// bytes' worth of text, so no part of a key that straddles the cut is left in it.
    /// </summary>
    public string Excerpt(Redactor redactor)
    {
        if (_excerpt is null)
        {
            return string.Empty;
        }

        var text = Encoding.UTF8.GetString(_excerpt, 0, _excerptLength);
        var maxLength = Encoding.UTF8.GetCharCount(_excerpt, 0, Math.Min(_excerptLength, ClientDefaults.BodyExcerptBytes));
        return redactor.RedactAndCut(text, maxLength, wasTruncated: _total > _excerptLength);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (_excerpt is not null)
            {
                ArrayPool<byte>.Shared.Return(_excerpt);
                _excerpt = null;
            }
        }

        base.Dispose(disposing);
    }

    protected override void OnRead(ReadOnlySpan<byte> chunk)
    {
        Capture(chunk);
        Count(chunk.Length);
    }

    private void Capture(ReadOnlySpan<byte> data)
    {
        if (_excerpt is null || _excerptLength >= _capacity)
        {
            return;
        }

        var take = Math.Min(data.Length, _capacity - _excerptLength);
        data.Slice(0, take).CopyTo(_excerpt.AsSpan(_excerptLength));
        _excerptLength += take;
    }

    private void Count(int read)
    {
        _total += read;
        if (_total > _limit)
        {
            LimitExceeded = true;
            throw new PerplexityProtocolException(
                $"The response body is larger than the {_limit}-byte limit (PerplexityAsyncClientOptions.MaxResponseContentBytes).");
        }
    }
}
