using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>The agent is reading pages (<c>response.reasoning.fetch_url_queries</c>).</summary>
public sealed record AgentReasoningFetchUrlQueriesEvent : AgentStreamEvent, IJsonOnDeserialized
{
    /// <summary>The wire type of this event.</summary>
    public const string WireType = "response.reasoning.fetch_url_queries";

    private readonly IReadOnlyList<string> _urls = Array.Empty<string>();

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;

    /// <summary>The URLs being fetched. A JSON <c>null</c> reads as empty.</summary>
    [JsonPropertyName("urls")]
    [AllowNull]
    public required IReadOnlyList<string> Urls
    {
        get => _urls;
        init => _urls = value ?? Array.Empty<string>();
    }

    /// <summary>The model's thought at this point, when it shares one.</summary>
    [JsonPropertyName("thought")]
    public string? Thought { get; init; }

    /// <summary>Refuses a JSON <c>null</c> inside <see cref="Urls"/>.</summary>
    void IJsonOnDeserialized.OnDeserialized() => NullItems.Check(_urls, "urls");
}
