using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>
/// The shape the answer must take (<c>response_format</c>): free text, JSON matching a schema, or text matching a
/// regular expression.
/// </summary>
/// <example>
/// <code>
/// using var schema = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""");
/// var format = ResponseFormat.ForJsonSchema(schema.RootElement.Clone(), name: "city");
/// </code>
/// </example>
public sealed record ResponseFormat
{
    /// <summary>The kind of output: <c>text</c>, <c>json_schema</c> or <c>regex</c>.</summary>
    [JsonPropertyName("type")]
    public required ResponseFormatType Type { get; init; }

    /// <summary>The schema, when <see cref="Type"/> is <c>json_schema</c>.</summary>
    [JsonPropertyName("json_schema")]
    public JsonSchemaFormat? JsonSchema { get; init; }

    /// <summary>The pattern, when <see cref="Type"/> is <c>regex</c>.</summary>
    [JsonPropertyName("regex")]
    public RegexFormat? Regex { get; init; }

    /// <summary>Free text: <c>{"type": "text"}</c>.</summary>
    public static ResponseFormat Text { get; } = new() { Type = ResponseFormatType.Text };

    /// <summary>JSON that matches <paramref name="schema"/>: <c>{"type": "json_schema", "json_schema": {...}}</c>.</summary>
    /// <param name="schema">The JSON schema (an object). Clone it if it comes from a <see cref="JsonDocument"/> you dispose.</param>
    /// <param name="name">The schema's name (1 to 64 letters, digits, <c>_</c> or <c>-</c>); the API defaults to <c>schema</c>.</param>
    /// <param name="description">What the output is, to guide the model.</param>
    /// <param name="strict">Whether the schema is enforced strictly; the API defaults to <see langword="true"/>.</param>
    public static ResponseFormat ForJsonSchema(JsonElement schema, string? name = null, string? description = null, bool? strict = null) =>
        new()
        {
            Type = ResponseFormatType.JsonSchema,
            JsonSchema = new JsonSchemaFormat { Schema = schema, Name = name, Description = description, Strict = strict },
        };

    /// <summary>Text that matches <paramref name="pattern"/>: <c>{"type": "regex", "regex": {"regex": "..."}}</c>.</summary>
    /// <param name="pattern">The regular expression.</param>
    public static ResponseFormat ForRegex(string pattern) =>
        new() { Type = ResponseFormatType.Regex, Regex = new RegexFormat { Regex = pattern } };
}
