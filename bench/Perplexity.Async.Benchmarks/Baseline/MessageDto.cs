using System.Collections.Generic;

namespace Perplexity.Async.Benchmarks.Baseline;

public sealed class MessageDto
{
    public string Role { get; set; } = string.Empty;

    public ContentDto? Content { get; set; }

    public List<ReasoningStepDto>? ReasoningSteps { get; set; }

    public List<ToolCallDto>? ToolCalls { get; set; }

    public string? ToolCallId { get; set; }
}
