namespace Perplexity.Async.Serialization.Agent;

internal sealed class AgentReasoningEffortConverter() : ExtensibleEnumConverter<AgentReasoningEffort>(AgentReasoningEffort.Minimal, AgentReasoningEffort.Low, AgentReasoningEffort.Medium, AgentReasoningEffort.High, AgentReasoningEffort.XHigh, AgentReasoningEffort.Max)
{
    protected override AgentReasoningEffort Create(string value) => new(value);
}
