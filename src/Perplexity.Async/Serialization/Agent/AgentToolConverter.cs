using System.Text.Json;

namespace Perplexity.Async.Serialization.Agent;

internal sealed class AgentToolConverter() : TypeKeyedUnionConverter<AgentTool>(
    "a tool",
    Known<AgentWebSearchTool>(AgentWebSearchTool.WireType),
    Known<AgentImageSearchTool>(AgentImageSearchTool.WireType),
    Known<AgentFetchUrlTool>(AgentFetchUrlTool.WireType),
    Known<AgentFinanceSearchTool>(AgentFinanceSearchTool.WireType),
    Known<AgentPeopleSearchTool>(AgentPeopleSearchTool.WireType),
    Known<AgentSandboxTool>(AgentSandboxTool.WireType),
    Known<AgentFunctionTool>(AgentFunctionTool.WireType),
    Known<AgentMcpTool>(AgentMcpTool.WireType),
    Known<AgentConnectorTool>(AgentConnectorTool.WireType))
{
    protected override AgentTool CreateUnknown(JsonElement json) => new AgentUnknownTool(json);

    protected override bool TryGetRawJson(AgentTool value, out JsonElement json)
    {
        json = value is AgentUnknownTool unknown ? unknown.Json : default;
        return value is AgentUnknownTool;
    }
}
