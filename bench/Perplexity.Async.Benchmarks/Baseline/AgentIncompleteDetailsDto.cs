namespace Perplexity.Async.Benchmarks.Baseline;

public sealed class AgentIncompleteDetailsDto
{
    public string? Reason { get; set; }
}
