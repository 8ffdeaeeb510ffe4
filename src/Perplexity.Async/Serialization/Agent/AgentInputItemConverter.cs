using System;
using System.Text.Json;

namespace Perplexity.Async.Serialization.Agent;

internal sealed class AgentInputItemConverter() : TypeKeyedUnionConverter<AgentInputItem>(
    "an input item",
    Known<AgentMessageInputItem>(AgentMessageInputItem.WireType),
    Known<AgentFunctionCallInputItem>(AgentFunctionCallInputItem.WireType),
    Known<AgentFunctionCallOutputInputItem>(AgentFunctionCallOutputInputItem.WireType))
{
    // Some callers (and the migration guide's examples) send {role, content} without "type"; read it as the message it is.
    protected override Type? MemberWithoutType => typeof(AgentMessageInputItem);

    protected override AgentInputItem CreateUnknown(JsonElement json) => new AgentUnknownInputItem(json);

    protected override bool TryGetRawJson(AgentInputItem value, out JsonElement json)
    {
        json = value is AgentUnknownInputItem unknown ? unknown.Json : default;
        return value is AgentUnknownInputItem;
    }
}
