using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>
/// A saved, versioned configuration to run with (<c>profile</c>): <c>{"type": "custom", "id", "version"?}</c>. The
/// version is resolved when the request is admitted. It cannot be combined with a preset.
/// </summary>
public sealed record AgentProfile
{
    private const string DefaultType = "custom";

    private readonly string _type = DefaultType;
    private IDictionary<string, JsonElement>? _additionalProperties;

    /// <summary>The profile kind. Defaults to <c>custom</c>, the only kind documented.</summary>
    [JsonPropertyName("type")]
    public string Type
    {
        get => _type;
        init => _type = value ?? DefaultType;
    }

    /// <summary>The profile's id (1 to 128 characters).</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The version to bind to, or <c>latest</c>; left out, the latest is used.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; init; }

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
