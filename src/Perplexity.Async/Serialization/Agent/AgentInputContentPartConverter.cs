using System.Text.Json;

namespace Perplexity.Async.Serialization.Agent;

internal sealed class AgentInputContentPartConverter() : TypeKeyedUnionConverter<AgentInputContentPart>(
    "an input content part",
    (AgentInputTextPart.WireType, typeof(AgentInputTextPart)),
    (AgentInputImagePart.WireType, typeof(AgentInputImagePart)),
    (AgentInputFilePart.WireType, typeof(AgentInputFilePart)))
{
    protected override AgentInputContentPart CreateUnknown(JsonElement json) => new AgentUnknownInputContentPart(json);

    protected override bool TryGetRawJson(AgentInputContentPart value, out JsonElement json)
    {
        json = value is AgentUnknownInputContentPart unknown ? unknown.Json : default;
        return value is AgentUnknownInputContentPart;
    }
}
