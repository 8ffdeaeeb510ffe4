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
    // Microsoft.Extensions.AI's defaults indent; function arguments and results are sent compact.
    private static readonly JsonSerializerOptions CompactAIOptions = CreateCompactAIOptions();

    public static JsonTypeInfo TypeInfoFor(Type type) =>
        PerplexityJson.Options.TryGetTypeInfo(type, out var info) ? info : CompactAIOptions.GetTypeInfo(type);

    public static string Serialize(object value) => Serialize(value, value.GetType());

    /// <summary>
    /// Reads the request both routes assemble as JSON (typed options, <c>AdditionalProperties</c>, the raw request), so a
    /// value the request cannot take is an <see cref="ArgumentException"/> naming where it is, not a bare JSON error.
    /// </summary>
    /// <param name="json">The assembled request.</param>
    /// <param name="requestName">What the request is called in the message ("Agent request", "Perplexity request").</param>
    /// <param name="paramName">The caller's parameter the values came from.</param>
    public static T DeserializeRequest<T>(JsonObject json, string requestName, string paramName)
    {
        try
        {
            return json.Deserialize(PerplexityJson.GetTypeInfo<T>())!;
        }
        catch (JsonException exception)
        {
            throw new ArgumentException(
                $"ChatOptions.AdditionalProperties has a value the {requestName} cannot take at {exception.Path}: {exception.Message}",
                paramName,
                exception);
        }
    }

    public static string Serialize(object value, Type declaredType) => JsonSerializer.Serialize(value, TypeInfoFor(declaredType));

    public static JsonNode? ToNode(object value) => value switch
    {
        JsonNode node => node.DeepClone(),
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        _ => JsonSerializer.SerializeToNode(value, TypeInfoFor(value.GetType())),
    };

    private static JsonSerializerOptions CreateCompactAIOptions()
    {
        var options = new JsonSerializerOptions(AIJsonUtilities.DefaultOptions) { WriteIndented = false };
        options.MakeReadOnly();
        return options;
    }
}
