namespace Perplexity.Async.Benchmarks.Baseline;

public sealed class AgentSearchResultDto
{
    public long Id { get; set; }

    public string Url { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string? Snippet { get; set; }

    public string? Date { get; set; }

    public string? LastUpdated { get; set; }

    public string? Source { get; set; }
}
