using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

// The undocumented members of the live envelope (README §4, §12 #4): every one nullable, every one written back, also
// when null, so the 32 keys survive a round trip.
public sealed partial record AgentResponse
{
    /// <summary>Whether the run was created in background mode.</summary>
    [JsonPropertyName("background")]
    [JsonPropertyOrder(1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool? Background { get; init; }

    /// <summary>
    /// When the run completed; <see langword="null"/> until then (and on incomplete and cancelled runs). The live service
    /// sets it to the <see cref="CreatedAt"/> of the GET that first saw the run completed.
    /// </summary>
    [JsonPropertyName("completed_at")]
    [JsonPropertyOrder(2)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Echo only: always 0 (the Agent API does not accept it).</summary>
    [JsonPropertyName("frequency_penalty")]
    [JsonPropertyOrder(5)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? FrequencyPenalty { get; init; }

    /// <summary>Why the run stopped early: <c>max_output_tokens</c> or <c>cancelled</c>; <see langword="null"/> otherwise.</summary>
    [JsonPropertyName("incomplete_details")]
    [JsonPropertyOrder(7)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public AgentIncompleteDetails? IncompleteDetails { get; init; }

    /// <summary>The request's <c>instructions</c>, echoed.</summary>
    [JsonPropertyName("instructions")]
    [JsonPropertyOrder(8)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Instructions { get; init; }

    /// <summary>The request's <c>max_output_tokens</c>, echoed.</summary>
    [JsonPropertyName("max_output_tokens")]
    [JsonPropertyOrder(9)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? MaxOutputTokens { get; init; }

    /// <summary>The request's <c>max_tool_calls</c>, echoed (<see langword="null"/> in every observed response).</summary>
    [JsonPropertyName("max_tool_calls")]
    [JsonPropertyOrder(10)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? MaxToolCalls { get; init; }

    /// <summary>The request's <c>metadata</c>, echoed (<c>{}</c> when none was sent).</summary>
    [JsonPropertyName("metadata")]
    [JsonPropertyOrder(11)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [JsonConverter(typeof(AgentMetadataConverter))]
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Whether the model may call several tools at once (echoed <see langword="true"/>).</summary>
    [JsonPropertyName("parallel_tool_calls")]
    [JsonPropertyOrder(15)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool? ParallelToolCalls { get; init; }

    /// <summary>Echo only: always 0 (the Agent API does not accept it).</summary>
    [JsonPropertyName("presence_penalty")]
    [JsonPropertyOrder(16)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? PresencePenalty { get; init; }

    /// <summary>
    /// The request's <c>previous_response_id</c>, echoed. The live service has echoed <see langword="null"/> for a
    /// request that set it, so do not rely on it to follow a chain.
    /// </summary>
    [JsonPropertyName("previous_response_id")]
    [JsonPropertyOrder(17)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? PreviousResponseId { get; init; }

    /// <summary>The prompt cache key, echoed.</summary>
    [JsonPropertyName("prompt_cache_key")]
    [JsonPropertyOrder(18)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? PromptCacheKey { get; init; }

    /// <summary>The reasoning settings, echoed (<c>{"effort": "low", "summary": null}</c>; <c>summary</c> is kept in its <c>AdditionalProperties</c>).</summary>
    [JsonPropertyName("reasoning")]
    [JsonPropertyOrder(19)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public AgentReasoning? Reasoning { get; init; }

    /// <summary>The safety identifier, echoed.</summary>
    [JsonPropertyName("safety_identifier")]
    [JsonPropertyOrder(20)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? SafetyIdentifier { get; init; }

    /// <summary>The service tier: <c>default</c>, or <c>fast</c> for fast-preset runs.</summary>
    [JsonPropertyName("service_tier")]
    [JsonPropertyOrder(21)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [JsonConverter(typeof(AgentServiceTierConverter))]
    public string? ServiceTier { get; init; }

    /// <summary>
    /// The request's <c>store</c>, echoed (default <see langword="true"/>). A <see langword="false"/> run cannot be read
    /// back with GET.
    /// </summary>
    [JsonPropertyName("store")]
    [JsonPropertyOrder(23)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool? Store { get; init; }

    /// <summary>The sampling temperature, echoed (default 1).</summary>
    [JsonPropertyName("temperature")]
    [JsonPropertyOrder(24)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? Temperature { get; init; }

    /// <summary>
    /// The OpenAI text-format echo, as raw JSON (<c>{"format": {"type": "text"}}</c>). It says <c>text</c> even when the
    /// request asked for a JSON schema (whose answer then arrives as JSON text in <see cref="OutputText"/>).
    /// </summary>
    [JsonPropertyName("text")]
    [JsonPropertyOrder(25)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [JsonConverter(typeof(AgentEchoConverter))]
    public JsonElement? Text { get; init; }

    /// <summary>The tool choice, echoed (<c>auto</c>).</summary>
    [JsonPropertyName("tool_choice")]
    [JsonPropertyOrder(26)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public AgentToolChoice? ToolChoice { get; init; }

    /// <summary>
    /// The tools the run resolved, as raw JSON: the request's tools merged with the preset's (<c>[]</c> while queued).
    /// Deserialize it with <see cref="PerplexityJson"/> as a list of <see cref="AgentTool"/> to inspect it typed.
    /// </summary>
    [JsonPropertyName("tools")]
    [JsonPropertyOrder(27)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [JsonConverter(typeof(AgentEchoConverter))]
    public JsonElement? Tools { get; init; }

    /// <summary>Echo only: always 0.</summary>
    [JsonPropertyName("top_logprobs")]
    [JsonPropertyOrder(28)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? TopLogprobs { get; init; }

    /// <summary>The nucleus sampling parameter, echoed (default 1).</summary>
    [JsonPropertyName("top_p")]
    [JsonPropertyOrder(29)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? TopP { get; init; }

    /// <summary>The truncation setting, echoed (an empty string when none was sent).</summary>
    [JsonPropertyName("truncation")]
    [JsonPropertyOrder(30)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public AgentTruncation? Truncation { get; init; }

    /// <summary>The end-user identifier, echoed.</summary>
    [JsonPropertyName("user")]
    [JsonPropertyOrder(32)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? User { get; init; }
}
