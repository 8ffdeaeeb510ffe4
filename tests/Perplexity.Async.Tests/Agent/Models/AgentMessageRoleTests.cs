using Perplexity.Async.Tests.Sonar.Models;

namespace Perplexity.Async.Tests.Agent.Models;

public sealed class AgentMessageRoleTests : ExtensibleEnumTests<AgentMessageRole>
{
    protected override IReadOnlyList<(AgentMessageRole Value, string Wire)> Known =>
    [
        (AgentMessageRole.User, "user"),
        (AgentMessageRole.Assistant, "assistant"),
        (AgentMessageRole.System, "system"),
        (AgentMessageRole.Developer, "developer"),
    ];
}
