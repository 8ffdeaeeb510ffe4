using System.Text.Json;

namespace Perplexity.Async.Serialization.Agent;

internal sealed class AgentToolConverter() : TypeKeyedUnionConverter<AgentTool>(
    "a tool",
    (AgentWebSearchTool.WireType, typeof(AgentWebSearchTool)),
    (AgentImageSearchTool.WireType, typeof(AgentImageSearchTool)),
    (AgentFetchUrlTool.WireType, typeof(AgentFetchUrlTool)),
    (AgentFinanceSearchTool.WireType, typeof(AgentFinanceSearchTool)),
    (AgentPeopleSearchTool.WireType, typeof(AgentPeopleSearchTool)),
    (AgentSandboxTool.WireType, typeof(AgentSandboxTool)),
    (AgentFunctionTool.WireType, typeof(AgentFunctionTool)),
    (AgentMcpTool.WireType, typeof(AgentMcpTool)),
    (AgentConnectorTool.WireType, typeof(AgentConnectorTool)))
{
    protected override AgentTool CreateUnknown(JsonElement json) => new AgentUnknownTool(json);

    protected override bool TryGetRawJson(AgentTool value, out JsonElement json)
    {
        json = value is AgentUnknownTool unknown ? unknown.Json : default;
        return value is AgentUnknownTool;
    }
}
