using System.Collections.Generic;

namespace Perplexity.Async.Benchmarks.Baseline;

public sealed class AgentContentPartDto
{
    public string Type { get; set; } = string.Empty;

    public string? Text { get; set; }

    public List<AgentAnnotationDto>? Annotations { get; set; }
}
