namespace Perplexity.Async.Serialization.Agent;

internal sealed class AgentPresetConverter() : ExtensibleEnumConverter<AgentPreset>(AgentPreset.Fast, AgentPreset.Low, AgentPreset.Medium, AgentPreset.High, AgentPreset.XHigh, AgentPreset.FastSearch, AgentPreset.ProSearch, AgentPreset.DeepResearch, AgentPreset.AdvancedDeepResearch)
{
    protected override AgentPreset Create(string value) => new(value);
}
