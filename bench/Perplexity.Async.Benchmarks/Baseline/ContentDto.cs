using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Perplexity.Async.Benchmarks.Baseline;

/// <summary><c>content</c> is a string or an array of chunks; a hand-written converter picks which.</summary>
[JsonConverter(typeof(ContentDtoConverter))]
public sealed class ContentDto
{
    public string? Text { get; set; }

    public List<ContentPartDto>? Parts { get; set; }
}
