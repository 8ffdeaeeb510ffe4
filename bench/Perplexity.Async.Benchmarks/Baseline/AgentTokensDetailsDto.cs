namespace Perplexity.Async.Benchmarks.Baseline;

/// <summary>Input and output token details in one class: each side sets its own members.</summary>
public sealed class AgentTokensDetailsDto
{
    public long? CacheCreationInputTokens { get; set; }

    public long? CacheReadInputTokens { get; set; }

    public long? CachedTokens { get; set; }

    public long? ReasoningTokens { get; set; }
}
