using System.Collections.Generic;

namespace Perplexity.Async.Benchmarks.Baseline;

public sealed class WebSearchDto
{
    public List<SearchResultDto> SearchResults { get; set; } = [];

    public List<string> SearchKeywords { get; set; } = [];
}
