namespace Perplexity.Async.Serialization.Agent;

internal sealed class AgentSearchTypeConverter() : ExtensibleEnumConverter<AgentSearchType>(AgentSearchType.Web, AgentSearchType.Fast)
{
    protected override AgentSearchType Create(string value) => new(value);
}
