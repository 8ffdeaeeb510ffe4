namespace Perplexity.Async.Serialization.Agent;

internal sealed class AgentTruncationConverter() : ExtensibleEnumConverter<AgentTruncation>(AgentTruncation.Auto, AgentTruncation.Disabled)
{
    protected override AgentTruncation Create(string value) => new(value);
}
