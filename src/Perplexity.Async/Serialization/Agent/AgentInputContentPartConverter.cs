using System.Text.Json;

namespace Perplexity.Async.Serialization.Agent;

internal sealed class AgentInputContentPartConverter() : TypeKeyedUnionConverter<AgentInputContentPart>(
    "an input content part",
    Known<AgentInputTextPart>(AgentInputTextPart.WireType),
    Known<AgentInputImagePart>(AgentInputImagePart.WireType),
    Known<AgentInputFilePart>(AgentInputFilePart.WireType))
{
    protected override AgentInputContentPart CreateUnknown(JsonElement json) => new AgentUnknownInputContentPart(json);

    protected override bool TryGetRawJson(AgentInputContentPart value, out JsonElement json)
    {
        json = value is AgentUnknownInputContentPart unknown ? unknown.Json : default;
        return value is AgentUnknownInputContentPart;
    }
}
