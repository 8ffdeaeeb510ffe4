using System.Text.Json;

namespace Perplexity.Async.Serialization.Agent;

internal sealed class AgentOutputContentPartConverter() : TypeKeyedUnionConverter<AgentOutputContentPart>(
    "an output content part",
    Known<AgentOutputTextPart>(AgentOutputTextPart.WireType))
{
    protected override AgentOutputContentPart CreateUnknown(JsonElement json) => new AgentUnknownOutputContentPart(json);

    protected override bool TryGetRawJson(AgentOutputContentPart value, out JsonElement json)
    {
        json = value is AgentUnknownOutputContentPart unknown ? unknown.Json : default;
        return value is AgentUnknownOutputContentPart;
    }
}
