using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>
/// The shape of the answer (<c>response_format</c>, top level; OpenAI's <c>text.format</c> is refused by the API):
/// <c>{"type": "json_schema", "json_schema": {...}}</c>. The answer then arrives as JSON text in
/// <see cref="AgentResponse.OutputText"/>.
/// </summary>
/// <example>
/// <code>
/// ResponseFormat = AgentResponseFormat.ForJsonSchema("verdict", JsonDocument.Parse("""
///     {"type":"object","properties":{"answer":{"type":"string"}},"required":["answer"]}
///     """).RootElement),
/// </code>
/// </example>
public sealed record AgentResponseFormat
{
    private const string DefaultType = "json_schema";

    private readonly string _type = DefaultType;
    private IDictionary<string, JsonElement>? _additionalProperties;

    /// <summary>The format type. Defaults to <c>json_schema</c>, the only type the API supports.</summary>
    [JsonPropertyName("type")]
    public string Type
    {
        get => _type;
        init => _type = value ?? DefaultType;
    }

    /// <summary>The schema; the API requires it for <c>json_schema</c>.</summary>
    [JsonPropertyName("json_schema")]
    public AgentJsonSchemaFormat? JsonSchema { get; init; }

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

    /// <summary>Creates a JSON-schema format.</summary>
    /// <param name="name">The schema's name (1 to 64 characters of <c>[A-Za-z0-9_-]</c>).</param>
    /// <param name="schema">The JSON Schema, with an object root.</param>
    /// <param name="description">What the schema describes.</param>
    /// <param name="strict">Whether the schema is enforced strictly.</param>
    public static AgentResponseFormat ForJsonSchema(string name, JsonElement schema, string? description = null, bool? strict = null) =>
        new() { JsonSchema = new AgentJsonSchemaFormat { Name = name, Schema = schema, Description = description, Strict = strict } };
}
