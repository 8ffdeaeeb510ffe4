namespace Perplexity.Async.Benchmarks.Baseline;

public sealed class SearchResultDto
{
    public string Title { get; set; } = string.Empty;

    public string Url { get; set; } = string.Empty;

    public string? Date { get; set; }

    public string? LastUpdated { get; set; }

    public string? Snippet { get; set; }

    public string? Source { get; set; }
}
