using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>Fetched pages arrived (<c>response.reasoning.fetch_url_results</c>).</summary>
public sealed record AgentReasoningFetchUrlResultsEvent : AgentStreamEvent, IJsonOnDeserialized
{
    /// <summary>The wire type of this event.</summary>
    public const string WireType = "response.reasoning.fetch_url_results";

    private readonly IReadOnlyList<AgentUrlContent> _contents = Array.Empty<AgentUrlContent>();

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;

    /// <summary>The pages read, with their text. A JSON <c>null</c> reads as empty.</summary>
    [JsonPropertyName("contents")]
    [AllowNull]
    public required IReadOnlyList<AgentUrlContent> Contents
    {
        get => _contents;
        init => _contents = value ?? Array.Empty<AgentUrlContent>();
    }

    /// <summary>The model's thought at this point, when it shares one.</summary>
    [JsonPropertyName("thought")]
    public string? Thought { get; init; }

    /// <summary>Refuses a JSON <c>null</c> inside <see cref="Contents"/>.</summary>
    void IJsonOnDeserialized.OnDeserialized() => NullItems.Check(_contents, "contents");
}
