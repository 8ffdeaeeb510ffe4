namespace Perplexity.Async.Serialization.Agent;

/// <summary>
/// A run's <c>model</c>: while a run is queued or in progress the live service reports its preset there, so every poll
/// repeats one of the preset names; they read as shared literals.
/// </summary>
internal sealed class AgentModelNameConverter() : KnownStringConverter(
    AgentPreset.Fast.ToString(),
    AgentPreset.Low.ToString(),
    AgentPreset.Medium.ToString(),
    AgentPreset.High.ToString(),
    AgentPreset.XHigh.ToString(),
    AgentPreset.FastSearch.ToString(),
    AgentPreset.ProSearch.ToString(),
    AgentPreset.DeepResearch.ToString(),
    AgentPreset.AdvancedDeepResearch.ToString());
