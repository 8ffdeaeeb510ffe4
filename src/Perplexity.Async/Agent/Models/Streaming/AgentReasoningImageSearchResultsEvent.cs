using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>Image search results arrived (<c>response.reasoning.image_search_results</c>).</summary>
public sealed record AgentReasoningImageSearchResultsEvent : AgentStreamEvent, IJsonOnDeserialized
{
    /// <summary>The wire type of this event.</summary>
    public const string WireType = "response.reasoning.image_search_results";

    private readonly IReadOnlyList<AgentImageResult> _results = Array.Empty<AgentImageResult>();

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;

    /// <summary>The image search call's id.</summary>
    [JsonPropertyName("call_id")]
    public required string CallId { get; init; }

    /// <summary>The images found. A JSON <c>null</c> reads as empty.</summary>
    [JsonPropertyName("results")]
    [AllowNull]
    public required IReadOnlyList<AgentImageResult> Results
    {
        get => _results;
        init => _results = value ?? Array.Empty<AgentImageResult>();
    }

    /// <summary>The usage so far, when reported.</summary>
    [JsonPropertyName("usage")]
    public AgentUsage? Usage { get; init; }

    /// <summary>The model's thought at this point, when it shares one.</summary>
    [JsonPropertyName("thought")]
    public string? Thought { get; init; }

    /// <summary>Refuses a JSON <c>null</c> inside <see cref="Results"/>.</summary>
    void IJsonOnDeserialized.OnDeserialized() => NullItems.Check(_results, "results");
}
