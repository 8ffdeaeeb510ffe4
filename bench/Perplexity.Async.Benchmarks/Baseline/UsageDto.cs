namespace Perplexity.Async.Benchmarks.Baseline;

public sealed class UsageDto
{
    public int PromptTokens { get; set; }

    public int CompletionTokens { get; set; }

    public int TotalTokens { get; set; }

    public string? SearchContextSize { get; set; }

    public int? CitationTokens { get; set; }

    public int? NumSearchQueries { get; set; }

    public int? ReasoningTokens { get; set; }

    public CostDto? Cost { get; set; }
}
