namespace Perplexity.Async.Benchmarks.Baseline;

public sealed class AgentAnnotationDto
{
    public string? Type { get; set; }

    public string? Url { get; set; }

    public string? Title { get; set; }

    public int? StartIndex { get; set; }

    public int? EndIndex { get; set; }
}
