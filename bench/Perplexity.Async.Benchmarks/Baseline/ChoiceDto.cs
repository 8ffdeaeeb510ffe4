namespace Perplexity.Async.Benchmarks.Baseline;

public sealed class ChoiceDto
{
    public int Index { get; set; }

    public string? FinishReason { get; set; }

    public MessageDto Message { get; set; } = new();

    public MessageDto? Delta { get; set; }
}
