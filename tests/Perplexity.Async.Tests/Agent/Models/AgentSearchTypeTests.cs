using Perplexity.Async.Tests.Sonar.Models;

namespace Perplexity.Async.Tests.Agent.Models;

public sealed class AgentSearchTypeTests : ExtensibleEnumTests<AgentSearchType>
{
    protected override IReadOnlyList<(AgentSearchType Value, string Wire)> Known =>
    [
        (AgentSearchType.Web, "web"),
        (AgentSearchType.Fast, "fast"),
    ];
}
