namespace Perplexity.Async.Benchmarks.Baseline;

public sealed class FunctionDto
{
    public string? Name { get; set; }

    public string? Arguments { get; set; }
}
