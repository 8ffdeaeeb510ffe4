using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>
/// Streaming settings (<c>stream_options</c>). Opt-in: documented by Perplexity's migration guide but absent from the
/// published request schema, so the deployed service may refuse it (HTTP 400, unknown field).
/// </summary>
public sealed record AgentStreamOptions
{
    private IDictionary<string, JsonElement>? _additionalProperties;

    /// <summary>
    /// Whether the terminal event's response carries <c>usage</c>. The API's default is <see langword="true"/> (unlike
    /// OpenAI's), so set it only to turn usage off.
    /// </summary>
    [JsonPropertyName("include_usage")]
    public bool? IncludeUsage { get; init; }

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
