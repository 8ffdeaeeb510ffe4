using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>
/// A tool the model may use (an entry of <c>tools</c>), keyed by <see cref="Type"/>: the built-ins
/// <see cref="AgentWebSearchTool"/>, <see cref="AgentImageSearchTool"/>, <see cref="AgentFetchUrlTool"/>,
/// <see cref="AgentFinanceSearchTool"/>, <see cref="AgentPeopleSearchTool"/> and <see cref="AgentSandboxTool"/>, the
/// caller's own <see cref="AgentFunctionTool"/>, remote <see cref="AgentMcpTool"/> servers and managed
/// <see cref="AgentConnectorTool"/>s, and <see cref="AgentUnknownTool"/> to send a tool type this version of the SDK does
/// not model, as raw JSON.
/// </summary>
/// <remarks>
/// A bare model searches nothing unless given <see cref="WebSearch"/>; a preset brings its own tools, and a tool listed
/// here overrides the preset's tool of the same type.
/// </remarks>
/// <example>
/// <code>
/// Tools = [AgentTool.WebSearch(), AgentTool.FetchUrl(maxUrls: 3), AgentTool.Function("get_weather", "Current weather for a city", schema)],
/// </code>
/// </example>
[JsonConverter(typeof(AgentToolConverter))]
public abstract record AgentTool
{
    private IDictionary<string, JsonElement>? _additionalProperties;

    private protected AgentTool()
    {
    }

    /// <summary>The tool's <c>type</c> on the wire, for example <c>web_search</c>.</summary>
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

    /// <summary>Creates a <c>web_search</c> tool with the API's defaults; set its properties with <c>with</c> for filters and limits.</summary>
    public static AgentWebSearchTool WebSearch() => new();

    /// <summary>Creates a <c>fetch_url</c> tool.</summary>
    /// <param name="maxUrls">The most URLs fetched per call (1 to 10); left out, the API's default.</param>
    public static AgentFetchUrlTool FetchUrl(int? maxUrls = null) => new() { MaxUrls = maxUrls };

    /// <summary>Creates a <c>function</c> tool the caller runs.</summary>
    /// <param name="name">The function's name; names of built-in tools (<c>web_search</c>, <c>fetch_url</c>, …) are refused by the API.</param>
    /// <param name="description">What the function does.</param>
    /// <param name="parameters">The JSON Schema of its parameters.</param>
    public static AgentFunctionTool Function(string name, string? description = null, JsonElement? parameters = null) =>
        new() { Name = name, Description = description, Parameters = parameters };
}
