using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>Answer text (<c>"type": "output_text"</c>), with the citations the API attached to it, if any.</summary>
public sealed record AgentOutputTextPart : AgentOutputContentPart, IJsonOnDeserialized
{
    /// <summary>The wire type of this part.</summary>
    public const string WireType = "output_text";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public override string Type => WireType;

    /// <summary>The text. Inline markers such as <c>[web:11]</c> or <c>[1]</c> may appear in it.</summary>
    [JsonPropertyName("text")]
    public required string Text { get; init; }

    /// <summary>
    /// Citations attached to spans of <see cref="Text"/>. Empty in every observed response: use the run's
    /// <see cref="AgentResponse.SearchResults"/> for sources.
    /// </summary>
    [JsonPropertyName("annotations")]
    public IReadOnlyList<AgentAnnotation>? Annotations { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }

    /// <summary>Refuses a JSON <c>null</c> inside <see cref="Annotations"/>.</summary>
    void IJsonOnDeserialized.OnDeserialized() => NullItems.Check(Annotations, "annotations");
}
