using System.Collections.Generic;

namespace Perplexity.Async.Benchmarks.Baseline;

public sealed class AgentUsageDto
{
    public long InputTokens { get; set; }

    public long OutputTokens { get; set; }

    public long TotalTokens { get; set; }

    public AgentTokensDetailsDto? InputTokensDetails { get; set; }

    public AgentTokensDetailsDto? OutputTokensDetails { get; set; }

    public Dictionary<string, AgentToolCallDetailsDto>? ToolCallsDetails { get; set; }

    public AgentCostDto? Cost { get; set; }
}
