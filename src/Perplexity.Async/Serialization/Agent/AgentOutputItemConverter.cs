using System.Text.Json;

namespace Perplexity.Async.Serialization.Agent;

internal sealed class AgentOutputItemConverter() : TypeKeyedUnionConverter<AgentOutputItem>(
    "an output item",
    (AgentMessageOutputItem.WireType, typeof(AgentMessageOutputItem)),
    (AgentSearchResultsOutputItem.WireType, typeof(AgentSearchResultsOutputItem)),
    (AgentFetchUrlResultsOutputItem.WireType, typeof(AgentFetchUrlResultsOutputItem)),
    (AgentPeopleSearchResultsOutputItem.WireType, typeof(AgentPeopleSearchResultsOutputItem)),
    (AgentImageSearchResultsOutputItem.WireType, typeof(AgentImageSearchResultsOutputItem)),
    (AgentFinanceResultsOutputItem.WireType, typeof(AgentFinanceResultsOutputItem)),
    (AgentFunctionCallOutputItem.WireType, typeof(AgentFunctionCallOutputItem)),
    (AgentSandboxResultsOutputItem.WireType, typeof(AgentSandboxResultsOutputItem)),
    (AgentMcpListToolsOutputItem.WireType, typeof(AgentMcpListToolsOutputItem)),
    (AgentMcpCallOutputItem.WireType, typeof(AgentMcpCallOutputItem)),
    (AgentToolSearchOutputItem.WireType, typeof(AgentToolSearchOutputItem)),
    (AgentSkillLoadedOutputItem.WireType, typeof(AgentSkillLoadedOutputItem)),
    (AgentShareFileOutputItem.WireType, typeof(AgentShareFileOutputItem)))
{
    protected override AgentOutputItem CreateUnknown(JsonElement json) => new AgentUnknownOutputItem(json);

    protected override bool TryGetRawJson(AgentOutputItem value, out JsonElement json)
    {
        json = value is AgentUnknownOutputItem unknown ? unknown.Json : default;
        return value is AgentUnknownOutputItem;
    }
}
