using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>Structured market data (<c>"type": "finance_search"</c>). With a direct model, set <c>max_steps</c> to 3 or more.</summary>
public sealed record AgentFinanceSearchTool : AgentTool
{
    /// <summary>The wire type of this tool.</summary>
    public const string WireType = "finance_search";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public override string Type => WireType;
}
