using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

// The undocumented members of the live envelope (README §4, §12 #4): every one nullable, every one written back, also
// when null, so the 32 keys survive a round trip.
public sealed partial record AgentResponse
{
    /// <summary>Whether the run was created in background mode.</summary>
    [JsonPropertyName("background")]
    public bool? Background { get; init; }

    /// <summary>
    /// When the run completed; <see langword="null"/> until then (and on incomplete and cancelled runs). The live service
    /// sets it to the <see cref="CreatedAt"/> of the GET that first saw the run completed.
    /// </summary>
    [JsonPropertyName("completed_at")]
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Echo only: always 0 (the Agent API does not accept it).</summary>
    [JsonPropertyName("frequency_penalty")]
    public double? FrequencyPenalty { get; init; }

    /// <summary>Why the run stopped early: <c>max_output_tokens</c> or <c>cancelled</c>; <see langword="null"/> otherwise.</summary>
    [JsonPropertyName("incomplete_details")]
    public AgentIncompleteDetails? IncompleteDetails { get; init; }

    /// <summary>The request's <c>instructions</c>, echoed.</summary>
    [JsonPropertyName("instructions")]
    public string? Instructions { get; init; }

    /// <summary>The request's <c>max_output_tokens</c>, echoed.</summary>
    [JsonPropertyName("max_output_tokens")]
    public int? MaxOutputTokens { get; init; }

    /// <summary>The request's <c>max_tool_calls</c>, echoed (<see langword="null"/> in every observed response).</summary>
    [JsonPropertyName("max_tool_calls")]
    public int? MaxToolCalls { get; init; }

    /// <summary>The request's <c>metadata</c>, echoed (<c>{}</c> when none was sent).</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Whether the model may call several tools at once (echoed <see langword="true"/>).</summary>
    [JsonPropertyName("parallel_tool_calls")]
    public bool? ParallelToolCalls { get; init; }

    /// <summary>Echo only: always 0 (the Agent API does not accept it).</summary>
    [JsonPropertyName("presence_penalty")]
    public double? PresencePenalty { get; init; }

    /// <summary>
    /// The request's <c>previous_response_id</c>, echoed. The live service has echoed <see langword="null"/> for a
    /// request that set it, so do not rely on it to follow a chain.
    /// </summary>
    [JsonPropertyName("previous_response_id")]
    public string? PreviousResponseId { get; init; }

    /// <summary>The prompt cache key, echoed.</summary>
    [JsonPropertyName("prompt_cache_key")]
    public string? PromptCacheKey { get; init; }

    /// <summary>The reasoning settings, echoed (<c>{"effort": "low", "summary": null}</c>; <c>summary</c> is kept in its <c>AdditionalProperties</c>).</summary>
    [JsonPropertyName("reasoning")]
    public AgentReasoning? Reasoning { get; init; }

    /// <summary>The safety identifier, echoed.</summary>
    [JsonPropertyName("safety_identifier")]
    public string? SafetyIdentifier { get; init; }

    /// <summary>The service tier: <c>default</c>, or <c>fast</c> for fast-preset runs.</summary>
    [JsonPropertyName("service_tier")]
    public string? ServiceTier { get; init; }

    /// <summary>
    /// The request's <c>store</c>, echoed (default <see langword="true"/>). A <see langword="false"/> run cannot be read
    /// back with GET.
    /// </summary>
    [JsonPropertyName("store")]
    public bool? Store { get; init; }

    /// <summary>The sampling temperature, echoed (default 1).</summary>
    [JsonPropertyName("temperature")]
    public double? Temperature { get; init; }

    /// <summary>
    /// The OpenAI text-format echo, as raw JSON (<c>{"format": {"type": "text"}}</c>). It says <c>text</c> even when the
    /// request asked for a JSON schema (whose answer then arrives as JSON text in <see cref="OutputText"/>).
    /// </summary>
    [JsonPropertyName("text")]
    public JsonElement? Text { get; init; }

    /// <summary>The tool choice, echoed (<c>auto</c>).</summary>
    [JsonPropertyName("tool_choice")]
    public AgentToolChoice? ToolChoice { get; init; }

    /// <summary>
    /// The tools the run resolved, as raw JSON: the request's tools merged with the preset's (<c>[]</c> while queued).
    /// Deserialize it with <see cref="PerplexityJson"/> as a list of <see cref="AgentTool"/> to inspect it typed.
    /// </summary>
    [JsonPropertyName("tools")]
    public JsonElement? Tools { get; init; }

    /// <summary>Echo only: always 0.</summary>
    [JsonPropertyName("top_logprobs")]
    public int? TopLogprobs { get; init; }

    /// <summary>The nucleus sampling parameter, echoed (default 1).</summary>
    [JsonPropertyName("top_p")]
    public double? TopP { get; init; }

    /// <summary>The truncation setting, echoed (an empty string when none was sent).</summary>
    [JsonPropertyName("truncation")]
    public AgentTruncation? Truncation { get; init; }

    /// <summary>The end-user identifier, echoed.</summary>
    [JsonPropertyName("user")]
    public string? User { get; init; }
}
