namespace Perplexity.Async.Benchmarks.Baseline;

public sealed class ToolCallDto
{
    public string? Id { get; set; }

    public string? Type { get; set; }

    public FunctionDto? Function { get; set; }
}
