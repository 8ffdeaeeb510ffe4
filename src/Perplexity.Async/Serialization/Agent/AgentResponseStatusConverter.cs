namespace Perplexity.Async.Serialization.Agent;

internal sealed class AgentResponseStatusConverter() : ExtensibleEnumConverter<AgentResponseStatus>(AgentResponseStatus.Queued, AgentResponseStatus.InProgress, AgentResponseStatus.Completed, AgentResponseStatus.Incomplete, AgentResponseStatus.Failed, AgentResponseStatus.Cancelled, AgentResponseStatus.RequiresAction)
{
    protected override AgentResponseStatus Create(string value) => new(value);
}
