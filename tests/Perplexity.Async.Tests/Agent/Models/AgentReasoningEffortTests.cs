using Perplexity.Async.Tests.Sonar.Models;

namespace Perplexity.Async.Tests.Agent.Models;

public sealed class AgentReasoningEffortTests : ExtensibleEnumTests<AgentReasoningEffort>
{
    protected override IReadOnlyList<(AgentReasoningEffort Value, string Wire)> Known =>
    [
        (AgentReasoningEffort.Minimal, "minimal"),
        (AgentReasoningEffort.Low, "low"),
        (AgentReasoningEffort.Medium, "medium"),
        (AgentReasoningEffort.High, "high"),
        (AgentReasoningEffort.XHigh, "xhigh"),
        (AgentReasoningEffort.Max, "max"),
    ];
}
