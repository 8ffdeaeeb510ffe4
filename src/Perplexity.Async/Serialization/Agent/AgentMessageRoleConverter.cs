namespace Perplexity.Async.Serialization.Agent;

internal sealed class AgentMessageRoleConverter() : ExtensibleEnumConverter<AgentMessageRole>(AgentMessageRole.User, AgentMessageRole.Assistant, AgentMessageRole.System, AgentMessageRole.Developer)
{
    protected override AgentMessageRole Create(string value) => new(value);
}
