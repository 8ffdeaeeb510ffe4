using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>
/// The chat-completion request an asynchronous job runs: the model, the messages and the optional parameters the
/// API documents. Every parameter left <see langword="null"/> is left out of the JSON, so the API's default applies.
/// </summary>
/// <remarks>
/// <para>
/// Ranges (for example <see cref="Temperature"/> from 0 to 2) are checked by the API, which answers with a
/// <see cref="PerplexityValidationException"/> naming the field; the SDK only checks that a model and at least one
/// message are present, so a range the API widens needs no new release.
/// </para>
/// <para>
/// A parameter this version does not model goes in <see cref="AdditionalProperties"/>, written next to the typed
/// ones (a name that a typed property already writes is refused).
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var request = new ChatCompletionRequest
/// {
///     Model = "sonar-deep-research",
///     Messages = [ChatRequestMessage.User("Compare the EU and US AI rules.")],
///     ReasoningEffort = ReasoningEffort.High,
///     SearchRecencyFilter = SearchRecencyFilter.Month,
/// };
/// </code>
/// </example>
public sealed record ChatCompletionRequest
{
    private IDictionary<string, JsonElement>? _additionalProperties;

    /// <summary>
    /// The model, for example <c>sonar-deep-research</c>, <c>sonar-reasoning-pro</c>, <c>sonar-pro</c> or <c>sonar</c>.
    /// An open string, so a new model needs no new release. Required.
    /// </summary>
    [JsonPropertyName("model")]
    public required string Model { get; init; }

    /// <summary>The conversation so far, oldest first; at least one message. Required.</summary>
    [JsonPropertyName("messages")]
    public required IReadOnlyList<ChatRequestMessage> Messages { get; init; }

    /// <summary>The most tokens the answer may have (the API accepts 1 to 128000).</summary>
    [JsonPropertyName("max_tokens")]
    public int? MaxTokens { get; init; }

    /// <summary>
    /// Whether to stream. The asynchronous API never streams, so leave it <see langword="null"/> (left out) or
    /// <see langword="false"/>; <see langword="true"/> is refused before anything is sent.
    /// </summary>
    [JsonPropertyName("stream")]
    public bool? Stream { get; init; }

    /// <summary>Where the model stops: one string or a list (<c>"stop": "x"</c> or <c>["x", "y"]</c>).</summary>
    [JsonPropertyName("stop")]
    public StopSequences? Stop { get; init; }

    /// <summary>Randomness, from 0 (focused) to 2 (varied).</summary>
    [JsonPropertyName("temperature")]
    public double? Temperature { get; init; }

    /// <summary>Nucleus sampling threshold, from 0 to 1.</summary>
    [JsonPropertyName("top_p")]
    public double? TopP { get; init; }

    /// <summary>Top-k sampling: how many of the likeliest tokens are considered (seen in the official SDKs' types).</summary>
    [JsonPropertyName("top_k")]
    public int? TopK { get; init; }

    /// <summary>Penalises tokens already present, to favour new topics (seen in the official SDKs' types).</summary>
    [JsonPropertyName("presence_penalty")]
    public double? PresencePenalty { get; init; }

    /// <summary>Penalises tokens by how often they appeared, to reduce repetition (seen in the official SDKs' types).</summary>
    [JsonPropertyName("frequency_penalty")]
    public double? FrequencyPenalty { get; init; }

    /// <summary>The shape of the answer: text, JSON matching a schema, or a regular expression.</summary>
    [JsonPropertyName("response_format")]
    public ResponseFormat? ResponseFormat { get; init; }

    /// <summary>How the web search runs: context size, search type, user location.</summary>
    [JsonPropertyName("web_search_options")]
    public WebSearchOptions? WebSearchOptions { get; init; }

    /// <summary>Which sources the search favours: <c>web</c> (the API's default), <c>academic</c> or <c>sec</c>.</summary>
    [JsonPropertyName("search_mode")]
    public SearchMode? SearchMode { get; init; }

    /// <summary>Whether the answer includes images.</summary>
    [JsonPropertyName("return_images")]
    public bool? ReturnImages { get; init; }

    /// <summary>Whether the answer includes follow-up questions.</summary>
    [JsonPropertyName("return_related_questions")]
    public bool? ReturnRelatedQuestions { get; init; }

    /// <summary>Whether the API decides per query if a web search is needed.</summary>
    [JsonPropertyName("enable_search_classifier")]
    public bool? EnableSearchClassifier { get; init; }

    /// <summary>Whether to answer from the model alone, with no web search.</summary>
    [JsonPropertyName("disable_search")]
    public bool? DisableSearch { get; init; }

    /// <summary>
    /// Domains to search only (<c>"nature.com"</c>) or never (<c>"-reddit.com"</c>); the API accepts a limited number.
    /// </summary>
    [JsonPropertyName("search_domain_filter")]
    public IReadOnlyList<string>? SearchDomainFilter { get; init; }

    /// <summary>Languages of the results, as ISO 639-1 codes (<c>"en"</c>, <c>"de"</c>).</summary>
    [JsonPropertyName("search_language_filter")]
    public IReadOnlyList<string>? SearchLanguageFilter { get; init; }

    /// <summary>How recent results must be: <c>hour</c>, <c>day</c>, <c>week</c>, <c>month</c> or <c>year</c>.</summary>
    [JsonPropertyName("search_recency_filter")]
    public SearchRecencyFilter? SearchRecencyFilter { get; init; }

    /// <summary>Only results published after this date, as <c>MM/DD/YYYY</c>; <see cref="SearchDateFilter.Format(System.DateTime)"/> writes one.</summary>
    [JsonPropertyName("search_after_date_filter")]
    public string? SearchAfterDateFilter { get; init; }

    /// <summary>Only results published before this date, as <c>MM/DD/YYYY</c>; <see cref="SearchDateFilter.Format(System.DateTime)"/> writes one.</summary>
    [JsonPropertyName("search_before_date_filter")]
    public string? SearchBeforeDateFilter { get; init; }

    /// <summary>Only results updated after this date, as <c>MM/DD/YYYY</c>; <see cref="SearchDateFilter.Format(System.DateTime)"/> writes one.</summary>
    [JsonPropertyName("last_updated_after_filter")]
    public string? LastUpdatedAfterFilter { get; init; }

    /// <summary>Only results updated before this date, as <c>MM/DD/YYYY</c>; <see cref="SearchDateFilter.Format(System.DateTime)"/> writes one.</summary>
    [JsonPropertyName("last_updated_before_filter")]
    public string? LastUpdatedBeforeFilter { get; init; }

    /// <summary>Image formats to return (<c>"png"</c>, <c>"gif"</c>), with <see cref="ReturnImages"/>.</summary>
    [JsonPropertyName("image_format_filter")]
    public IReadOnlyList<string>? ImageFormatFilter { get; init; }

    /// <summary>Domains images may come from, or not (<c>"-gettyimages.com"</c>), with <see cref="ReturnImages"/>.</summary>
    [JsonPropertyName("image_domain_filter")]
    public IReadOnlyList<string>? ImageDomainFilter { get; init; }

    /// <summary>The shape of streamed output: <c>full</c> or <c>concise</c>.</summary>
    [JsonPropertyName("stream_mode")]
    public StreamMode? StreamMode { get; init; }

    /// <summary>How hard a reasoning or deep-research model thinks: <c>minimal</c>, <c>low</c>, <c>medium</c> or <c>high</c>.</summary>
    [JsonPropertyName("reasoning_effort")]
    public ReasoningEffort? ReasoningEffort { get; init; }

    /// <summary>The language the answer should be written in, for example <c>English</c>.</summary>
    [JsonPropertyName("language_preference")]
    public string? LanguagePreference { get; init; }

    /// <summary>How many search results the answer draws on (seen in the official SDKs' types).</summary>
    [JsonPropertyName("num_search_results")]
    public int? NumSearchResults { get; init; }

    /// <summary>How many images to return, with <see cref="ReturnImages"/> (seen in the official SDKs' types).</summary>
    [JsonPropertyName("num_images")]
    public int? NumImages { get; init; }

    /// <summary>Functions the model may call (seen in the official SDKs' types).</summary>
    [JsonPropertyName("tools")]
    public IReadOnlyList<ChatTool>? Tools { get; init; }

    /// <summary>Whether the model calls tools: <c>none</c>, <c>auto</c> or <c>required</c> (seen in the official SDKs' types).</summary>
    [JsonPropertyName("tool_choice")]
    public ToolChoice? ToolChoice { get; init; }

    /// <summary>Whether the model may call several tools at once (seen in the official SDKs' types).</summary>
    [JsonPropertyName("parallel_tool_calls")]
    public bool? ParallelToolCalls { get; init; }

    /// <summary>
    /// Parameters this version of the SDK does not model, written next to the typed ones, so a new API parameter
    /// needs no new release. A name a typed property writes (<c>model</c>, <c>max_tokens</c>, …) is refused.
    /// </summary>
    /// <example>
    /// <code>
    /// AdditionalProperties = new Dictionary&lt;string, JsonElement&gt;
    /// {
    ///     ["safe_search"] = JsonDocument.Parse("true").RootElement,
    /// },
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
}
