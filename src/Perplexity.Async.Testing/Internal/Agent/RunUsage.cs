namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>The tokens and cost of an Agent run, as <c>usage</c> reports them; money in US dollars.</summary>
internal sealed record RunUsage
{
    public int InputTokens { get; init; }

    public int CachedTokens { get; init; }

    public int OutputTokens { get; init; }

    public int ReasoningTokens { get; init; }

    public int TotalTokens => InputTokens + OutputTokens;

    public int Searches { get; init; }

    /// <summary>Pages read; each one's reading shows in <c>fetch_url.token_usage</c>.</summary>
    public int Fetches { get; init; }

    public int FetchInputTokens { get; init; }

    public int FetchOutputTokens { get; init; }

    public decimal InputCost { get; init; }

    public decimal OutputCost { get; init; }

    public decimal CacheReadCost { get; init; }

    public decimal SearchCost { get; init; }

    public decimal FetchCost { get; init; }

    public decimal ToolCallsCost => SearchCost + FetchCost;

    public decimal TotalCost => InputCost + OutputCost + CacheReadCost + ToolCallsCost;
}
