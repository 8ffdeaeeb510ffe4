namespace Perplexity.Async.Benchmarks.Baseline;

public sealed class ExecutePythonDto
{
    public string Code { get; set; } = string.Empty;

    public string Result { get; set; } = string.Empty;
}
