using Perplexity.Async.Tests.Sonar.Models;

namespace Perplexity.Async.Tests.Agent.Models;

public sealed class AgentPresetTests : ExtensibleEnumTests<AgentPreset>
{
    protected override IReadOnlyList<(AgentPreset Value, string Wire)> Known =>
    [
        (AgentPreset.Fast, "fast"),
        (AgentPreset.Low, "low"),
        (AgentPreset.Medium, "medium"),
        (AgentPreset.High, "high"),
        (AgentPreset.XHigh, "xhigh"),
        (AgentPreset.FastSearch, "fast-search"),
        (AgentPreset.ProSearch, "pro-search"),
        (AgentPreset.DeepResearch, "deep-research"),
        (AgentPreset.AdvancedDeepResearch, "advanced-deep-research"),
    ];

    [Fact]
    public void LegacyAlias_IsADistinctValue()
    {
        AgentPreset.DeepResearch.ShouldNotBe(AgentPreset.Medium);
        PerplexityJson.Serialize(new AgentRequest { Input = "x", Preset = "Deep-Research" }).ShouldBe("""{"input":"x","preset":"Deep-Research"}""");
    }
}
