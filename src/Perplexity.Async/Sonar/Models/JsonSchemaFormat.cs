using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>A JSON schema the answer must match (<c>response_format.json_schema</c>).</summary>
public sealed record JsonSchemaFormat
{
    /// <summary>The JSON schema object, sent as it is.</summary>
    [JsonPropertyName("schema")]
    public required JsonElement Schema { get; init; }

    /// <summary>The schema's name (1 to 64 letters, digits, <c>_</c> or <c>-</c>); the API defaults to <c>schema</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>What the output is, to guide the model.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Whether the schema is enforced strictly; the API defaults to <see langword="true"/>.</summary>
    [JsonPropertyName("strict")]
    public bool? Strict { get; init; }
}
