using System.Collections.Generic;

namespace Perplexity.Async.Benchmarks.Baseline;

public sealed class AgentCostDto
{
    public string? Currency { get; set; }

    public decimal? InputCost { get; set; }

    public decimal? OutputCost { get; set; }

    public decimal? CacheCreationCost { get; set; }

    public decimal? CacheReadCost { get; set; }

    public decimal? ToolCallsCost { get; set; }

    public Dictionary<string, decimal>? ToolCallsCostDetails { get; set; }

    public decimal TotalCost { get; set; }
}
