using System.Collections.Generic;

namespace Perplexity.Async.Benchmarks.Baseline;

public sealed class AgentToolCallDetailsDto
{
    public long? Invocation { get; set; }

    public decimal? CostUsd { get; set; }

    public List<AgentToolTokenUsageDto>? TokenUsage { get; set; }
}
