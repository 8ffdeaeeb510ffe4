namespace Perplexity.Async.Benchmarks.Baseline;

public sealed class CostDto
{
    public decimal InputTokensCost { get; set; }

    public decimal OutputTokensCost { get; set; }

    public decimal? ReasoningTokensCost { get; set; }

    public decimal? RequestCost { get; set; }

    public decimal? CitationTokensCost { get; set; }

    public decimal? SearchQueriesCost { get; set; }

    public decimal TotalCost { get; set; }
}
