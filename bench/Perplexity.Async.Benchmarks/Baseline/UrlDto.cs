using System.Text.Json.Serialization;

namespace Perplexity.Async.Benchmarks.Baseline;

/// <summary>A chunk URL: <c>{"url": …}</c> or a bare string on the wire.</summary>
[JsonConverter(typeof(UrlDtoConverter))]
public sealed class UrlDto
{
    public string Url { get; set; } = string.Empty;
}
