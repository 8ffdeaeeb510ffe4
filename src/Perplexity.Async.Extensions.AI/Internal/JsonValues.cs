using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;

namespace Perplexity.Async.Internal;

/// <summary>
/// Serializes values a caller put in Microsoft.Extensions.AI objects: the SDK's own types with the SDK's
/// source-generated metadata (so <c>SearchMode.Academic</c> is written <c>"academic"</c>), anything else with
/// Microsoft.Extensions.AI's default options.
/// </summary>
internal static class JsonValues
{
    public static JsonTypeInfo TypeInfoFor(Type type) =>
        PerplexityJson.Options.TryGetTypeInfo(type, out var info) ? info : AIJsonUtilities.DefaultOptions.GetTypeInfo(type);

    public static string Serialize(object value) => Serialize(value, value.GetType());

    public static string Serialize(object value, Type declaredType) => JsonSerializer.Serialize(value, TypeInfoFor(declaredType));

    public static JsonNode? ToNode(object value) => value switch
    {
        JsonNode node => node.DeepClone(),
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        _ => JsonSerializer.SerializeToNode(value, TypeInfoFor(value.GetType())),
    };
}
