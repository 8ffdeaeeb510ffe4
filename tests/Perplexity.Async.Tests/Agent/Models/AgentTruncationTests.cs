using Perplexity.Async.Tests.Sonar.Models;

namespace Perplexity.Async.Tests.Agent.Models;

public sealed class AgentTruncationTests : ExtensibleEnumTests<AgentTruncation>
{
    protected override IReadOnlyList<(AgentTruncation Value, string Wire)> Known =>
    [
        (AgentTruncation.Auto, "auto"),
        (AgentTruncation.Disabled, "disabled"),
    ];
}
