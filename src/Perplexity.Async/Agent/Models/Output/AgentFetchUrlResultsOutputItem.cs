using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>The pages one <c>fetch_url</c> call read (<c>"type": "fetch_url_results"</c>), with their text.</summary>
public sealed record AgentFetchUrlResultsOutputItem : AgentOutputItem, IJsonOnDeserialized
{
    /// <summary>The wire type of this item.</summary>
    public const string WireType = "fetch_url_results";

    private readonly IReadOnlyList<AgentUrlContent> _contents = Array.Empty<AgentUrlContent>();

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;

    /// <summary>The pages read, with their extracted text. A JSON <c>null</c> reads as empty.</summary>
    [JsonPropertyName("contents")]
    [AllowNull]
    public required IReadOnlyList<AgentUrlContent> Contents
    {
        get => _contents;
        init => _contents = value ?? Array.Empty<AgentUrlContent>();
    }

    /// <summary>Refuses a JSON <c>null</c> inside <see cref="Contents"/>.</summary>
    void IJsonOnDeserialized.OnDeserialized() => NullItems.Check(_contents, "contents");
}
