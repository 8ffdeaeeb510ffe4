namespace Perplexity.Async.Benchmarks.Baseline;

public sealed class AgentUrlContentDto
{
    public string Url { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string Snippet { get; set; } = string.Empty;
}
