using System.Collections.Generic;

namespace Perplexity.Async.Benchmarks.Baseline;

public sealed class FetchUrlContentDto
{
    public List<SearchResultDto> Contents { get; set; } = [];
}
