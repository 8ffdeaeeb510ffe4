namespace Perplexity.Async.Benchmarks.Baseline;

public sealed class AgentToolTokenUsageDto
{
    public string? Model { get; set; }

    public long? InputTokens { get; set; }

    public AgentTokensDetailsDto? InputTokensDetails { get; set; }

    public long? OutputTokens { get; set; }

    public AgentTokensDetailsDto? OutputTokensDetails { get; set; }
}
