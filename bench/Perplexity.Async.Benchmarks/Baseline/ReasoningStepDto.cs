namespace Perplexity.Async.Benchmarks.Baseline;

public sealed class ReasoningStepDto
{
    public string Thought { get; set; } = string.Empty;

    public string? Type { get; set; }

    public WebSearchDto? WebSearch { get; set; }

    public FetchUrlContentDto? FetchUrlContent { get; set; }

    public ExecutePythonDto? ExecutePython { get; set; }
}
