using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>The JSON schema a structured answer must match (<c>response_format.json_schema</c>).</summary>
public sealed record AgentJsonSchemaFormat
{
    private IDictionary<string, JsonElement>? _additionalProperties;

    /// <summary>The schema's name: 1 to 64 characters of <c>[A-Za-z0-9_-]</c>.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The JSON Schema; its root must be an object.</summary>
    [JsonPropertyName("schema")]
    public required JsonElement Schema { get; init; }

    /// <summary>What the schema describes.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Whether the schema is enforced strictly.</summary>
    [JsonPropertyName("strict")]
    public bool? Strict { get; init; }

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
