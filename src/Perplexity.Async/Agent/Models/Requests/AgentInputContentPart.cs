using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>
/// One part of input content, keyed by <see cref="Type"/>: <see cref="AgentInputTextPart"/>,
/// <see cref="AgentInputImagePart"/>, <see cref="AgentInputFilePart"/>, or <see cref="AgentUnknownInputContentPart"/>
/// for a part type this version of the SDK does not model (raw JSON).
/// </summary>
[JsonConverter(typeof(AgentInputContentPartConverter))]
public abstract record AgentInputContentPart
{
    private IDictionary<string, JsonElement>? _additionalProperties;

    private protected AgentInputContentPart()
    {
    }

    /// <summary>The part's <c>type</c> on the wire, for example <c>input_text</c>.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public abstract string Type { get; }

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
