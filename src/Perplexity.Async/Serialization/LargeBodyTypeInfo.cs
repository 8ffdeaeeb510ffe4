using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Perplexity.Async.Serialization;

/// <summary>
/// The type information of <typeparamref name="T"/> with a 256 KiB read buffer, for bodies the response says are
/// large (a completed deep-research run is hundreds of KB of search results and page text). The serializer reads a
/// value whole before a custom converter sees it (the output-item union is one) and starts that read-ahead over when the
/// value straddles its buffer; a buffer that holds the body removes the repeats (1.4× → 1.0× in
/// docs/benchmarks.md). Bodies whose length is not known (chunked, or decompressed by the caller's handler, which
/// drops <c>Content-Length</c>) are read with it too, since they may be a completed run. Bodies known to be small keep
/// the default 16 KiB buffer, so a poll that says its length does not rent 256 KiB from the array pool.
/// </summary>
internal static class LargeBodyTypeInfo<T>
{
    /// <summary>Bodies from this size on (by <c>Content-Length</c>), and bodies of unknown length, are read with the large buffer.</summary>
    public const long Threshold = 64 * 1024;

    /// <summary>256 KiB: holds a typical completed deep-research run whole.</summary>
    public const int BufferSize = 256 * 1024;

    // The options copy keeps the source-generated context as its resolver: no reflection, trimming- and AOT-safe.
    public static readonly JsonTypeInfo<T> Value =
        (JsonTypeInfo<T>)new JsonSerializerOptions(PerplexityJsonContext.Default.Options) { DefaultBufferSize = BufferSize }.GetTypeInfo(typeof(T));
}
