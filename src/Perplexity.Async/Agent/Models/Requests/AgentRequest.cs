using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// A run of the Agent API (the body of <c>POST /v1/agent</c>): what to work on, which model or preset, which tools,
/// and the limits. Every property left <see langword="null"/> is left out of the JSON, so the API's (or the preset's)
/// default applies: the API refuses unknown fields and nulls, so only what is set is ever written.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Input"/> is required, and so is one of <see cref="Model"/>, <see cref="Models"/>, <see cref="Preset"/>
/// (or a <see cref="Profile"/>). Request fields override the preset's values.
/// </para>
/// <para>
/// <see cref="MaxToolCalls"/>, <see cref="Metadata"/>, <see cref="Truncation"/>, <see cref="ParallelToolCalls"/>,
/// <see cref="StreamOptions"/>, <see cref="PromptCacheKey"/> and <see cref="ServiceTier"/> are <b>opt-in</b>: Perplexity's
/// migration guide documents them and responses echo them, but the published request schema lacks them, and the
/// deployed service may refuse them (HTTP 400, unknown field). Set them only when you have checked that the service
/// accepts them.
/// </para>
/// <para>
/// A field this version does not model goes in <see cref="AdditionalProperties"/>, written next to the typed ones (a
/// name that a typed property already writes is refused).
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var request = new AgentRequest
/// {
///     Preset = AgentPreset.Medium,
///     Input = "Compare heat pumps and gas boilers for a 1970s house.",
///     Tools = [AgentTool.WebSearch() with { Filters = new AgentWebSearchFilters { SearchRecencyFilter = SearchRecencyFilter.Year } }],
///     MaxOutputTokens = 4000,
/// };
/// </code>
/// </example>
public sealed record AgentRequest : IJsonOnDeserialized
{
    private IDictionary<string, JsonElement>? _additionalProperties;

    /// <summary>What to work on: a string (one user turn) or a list of input items. Required; an empty string or list is refused.</summary>
    [JsonPropertyName("input")]
    public required AgentInput Input { get; init; }

    /// <summary>
    /// The model, as <c>provider/model</c> (for example <c>openai/gpt-5.2</c>); see <c>GET /v1/models</c>. Needed when
    /// neither <see cref="Preset"/> nor <see cref="Models"/> is set. <c>anthropic/*</c> models also need
    /// <see cref="MaxOutputTokens"/>.
    /// </summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>
    /// A fallback chain of 1 to 5 models, tried in order; it overrides <see cref="Model"/>, and the response's
    /// <c>model</c> names the one that answered.
    /// </summary>
    [JsonPropertyName("models")]
    public IReadOnlyList<string>? Models { get; init; }

    /// <summary>A named configuration: <c>fast</c>, <c>low</c>, <c>medium</c>, <c>high</c> or <c>xhigh</c> (or a legacy alias).</summary>
    [JsonPropertyName("preset")]
    public AgentPreset? Preset { get; init; }

    /// <summary>A saved configuration to run with; cannot be combined with <see cref="Preset"/>.</summary>
    [JsonPropertyName("profile")]
    public AgentProfile? Profile { get; init; }

    /// <summary>The system prompt. With a preset it <em>replaces</em> the preset's prompt; an empty string clears it.</summary>
    [JsonPropertyName("instructions")]
    public string? Instructions { get; init; }

    /// <summary>
    /// Continues from an earlier response of the same account, which must be completed (a failed, cancelled, running or
    /// unknown id is refused with a bare HTTP 400 "invalid request").
    /// </summary>
    [JsonPropertyName("previous_response_id")]
    public string? PreviousResponseId { get; init; }

    /// <summary>How hard the model reasons.</summary>
    [JsonPropertyName("reasoning")]
    public AgentReasoning? Reasoning { get; init; }

    /// <summary>
    /// The most tokens to generate, reasoning included; at least 1 (the API raises values below 16 to 16). Required for
    /// <c>anthropic/*</c> models.
    /// </summary>
    [JsonPropertyName("max_output_tokens")]
    public int? MaxOutputTokens { get; init; }

    /// <summary>
    /// The most research-loop steps; at least 1 (documented up to 100). Left out: 1 for a model without a preset, the
    /// preset's value otherwise. Use 3 or more with <c>finance_search</c> on a direct model.
    /// </summary>
    [JsonPropertyName("max_steps")]
    public int? MaxSteps { get; init; }

    /// <summary>The tools the model may use; a tool listed here overrides the preset's tool of the same type.</summary>
    [JsonPropertyName("tools")]
    public IReadOnlyList<AgentTool>? Tools { get; init; }

    /// <summary>Whether and which tools the model must call.</summary>
    [JsonPropertyName("tool_choice")]
    public AgentToolChoice? ToolChoice { get; init; }

    /// <summary>A JSON schema the answer must match (top level; <c>text.format</c> is refused).</summary>
    [JsonPropertyName("response_format")]
    public AgentResponseFormat? ResponseFormat { get; init; }

    /// <summary>The answer's language, as an ISO 639-1 code (<c>en</c>, <c>de</c>).</summary>
    [JsonPropertyName("language_preference")]
    public string? LanguagePreference { get; init; }

    /// <summary>Sampling temperature, from 0 to 2 (the API's default is 1).</summary>
    [JsonPropertyName("temperature")]
    public double? Temperature { get; init; }

    /// <summary>Nucleus sampling, from 0 to 1 (the API's default is 1).</summary>
    [JsonPropertyName("top_p")]
    public double? TopP { get; init; }

    /// <summary>
    /// Whether the response can be read back with GET (the API's default is <see langword="true"/>). <see langword="false"/>
    /// hides it from GET (404) but it still works as a <see cref="PreviousResponseId"/>; it is not a privacy switch, and a
    /// background run with <see langword="false"/> can never be fetched.
    /// </summary>
    [JsonPropertyName("store")]
    public bool? Store { get; init; }

    /// <summary>Whether the run is a background run: the create returns at once with <c>status: queued</c> and the run is polled.</summary>
    [JsonPropertyName("background")]
    public bool? Background { get; init; }

    /// <summary>Whether the answer streams as server-sent events (with <see cref="Background"/>, the stream can be resumed).</summary>
    [JsonPropertyName("stream")]
    public bool? Stream { get; init; }

    /// <summary>Skills the model may load, at most 16; any skill enables the sandbox. Not echoed in responses.</summary>
    [JsonPropertyName("skills")]
    public IReadOnlyList<AgentSkill>? Skills { get; init; }

    /// <summary>
    /// Opt-in (see remarks; may be refused by the deployed service): the most tool calls; <c>0</c> disables every
    /// tool, the only way to silence a preset's tools.
    /// </summary>
    [JsonPropertyName("max_tool_calls")]
    public int? MaxToolCalls { get; init; }

    /// <summary>
    /// Opt-in (see remarks; may be refused by the deployed service): up to 16 key-value pairs stored with the run (keys
    /// at most 64 characters, values at most 512).
    /// </summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Opt-in (see remarks; may be refused by the deployed service): <c>auto</c> or <c>disabled</c>.</summary>
    [JsonPropertyName("truncation")]
    public AgentTruncation? Truncation { get; init; }

    /// <summary>
    /// Opt-in (see remarks; may be refused by the deployed service): whether the model may call several tools at once
    /// (the default is <see langword="true"/>).
    /// </summary>
    [JsonPropertyName("parallel_tool_calls")]
    public bool? ParallelToolCalls { get; init; }

    /// <summary>Opt-in (see remarks; may be refused by the deployed service): streaming settings.</summary>
    [JsonPropertyName("stream_options")]
    public AgentStreamOptions? StreamOptions { get; init; }

    /// <summary>Opt-in (see remarks; may be refused by the deployed service): a prompt cache key, echoed in responses.</summary>
    [JsonPropertyName("prompt_cache_key")]
    public string? PromptCacheKey { get; init; }

    /// <summary>Opt-in (see remarks; may be refused by the deployed service): the service tier, echoed in responses.</summary>
    [JsonPropertyName("service_tier")]
    public string? ServiceTier { get; init; }

    /// <summary>
    /// Fields this version of the SDK does not model, written at the top level next to the typed ones, so a new API
    /// field needs no new release. A name a typed property writes (<c>input</c>, <c>model</c>, …) is refused before the
    /// request is sent.
    /// </summary>
    /// <example>
    /// <code>
    /// AdditionalProperties = new Dictionary&lt;string, JsonElement&gt; { ["safety_identifier"] = JsonDocument.Parse("\"user-42\"").RootElement },
    /// </code>
    /// </example>
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

    /// <summary>Refuses a JSON <c>null</c> inside a list (a request read back, for example by an emulator).</summary>
    void IJsonOnDeserialized.OnDeserialized()
    {
        NullItems.Check(Models, "models");
        NullItems.Check(Tools, "tools");
        NullItems.Check(Skills, "skills");
    }
}
