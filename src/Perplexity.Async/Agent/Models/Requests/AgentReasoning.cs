using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>
/// Reasoning settings (<c>reasoning</c>): how hard the model thinks. Echoed in responses as
/// <c>{"effort": "low", "summary": null}</c>; members the request does not take, such as <c>summary</c>, are kept in
/// <see cref="AdditionalProperties"/>.
/// </summary>
public sealed record AgentReasoning
{
    private IDictionary<string, JsonElement>? _additionalProperties;

    /// <summary>The reasoning effort: <c>minimal</c>, <c>low</c>, <c>medium</c>, <c>high</c>, <c>xhigh</c> or <c>max</c>.</summary>
    [JsonPropertyName("effort")]
    public AgentReasoningEffort? Effort { get; init; }

    /// <summary>
    /// Properties to send that this version of the SDK does not model, written next to the typed ones; a name a typed
    /// property already writes is refused before the request is sent.
    /// </summary>
    [JsonIgnore]
    public IDictionary<string, JsonElement>? AdditionalProperties
    {
        get => _additionalProperties;
        init => _additionalProperties = value;
    }

    // The serializer binds init-only properties through a constructor, which extension data cannot use; this
    // settable twin over the same field is what it reads and writes.
    [JsonExtensionData]
    [JsonInclude]
    internal IDictionary<string, JsonElement>? ExtensionData
    {
        get => _additionalProperties;
        set => _additionalProperties = value;
    }
}
