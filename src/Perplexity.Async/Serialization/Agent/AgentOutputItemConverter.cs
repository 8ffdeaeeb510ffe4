using System.Text.Json;

namespace Perplexity.Async.Serialization.Agent;

internal sealed class AgentOutputItemConverter() : TypeKeyedUnionConverter<AgentOutputItem>(
    "an output item",
    Known<AgentMessageOutputItem>(AgentMessageOutputItem.WireType),
    Known<AgentSearchResultsOutputItem>(AgentSearchResultsOutputItem.WireType),
    Known<AgentFetchUrlResultsOutputItem>(AgentFetchUrlResultsOutputItem.WireType),
    Known<AgentPeopleSearchResultsOutputItem>(AgentPeopleSearchResultsOutputItem.WireType),
    Known<AgentImageSearchResultsOutputItem>(AgentImageSearchResultsOutputItem.WireType),
    Known<AgentFinanceResultsOutputItem>(AgentFinanceResultsOutputItem.WireType),
    Known<AgentFunctionCallOutputItem>(AgentFunctionCallOutputItem.WireType),
    Known<AgentSandboxResultsOutputItem>(AgentSandboxResultsOutputItem.WireType),
    Known<AgentMcpListToolsOutputItem>(AgentMcpListToolsOutputItem.WireType),
    Known<AgentMcpCallOutputItem>(AgentMcpCallOutputItem.WireType),
    Known<AgentToolSearchOutputItem>(AgentToolSearchOutputItem.WireType),
    Known<AgentSkillLoadedOutputItem>(AgentSkillLoadedOutputItem.WireType),
    Known<AgentShareFileOutputItem>(AgentShareFileOutputItem.WireType))
{
    protected override AgentOutputItem CreateUnknown(JsonElement json) => new AgentUnknownOutputItem(json);

    protected override bool TryGetRawJson(AgentOutputItem value, out JsonElement json)
    {
        json = value is AgentUnknownOutputItem unknown ? unknown.Json : default;
        return value is AgentUnknownOutputItem;
    }
}
