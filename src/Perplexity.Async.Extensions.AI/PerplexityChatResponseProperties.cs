namespace Perplexity.Async;

/// <summary>
/// The keys under which <see cref="PerplexityAsyncChatClient"/> puts Perplexity-specific results in the
/// <c>AdditionalProperties</c> of a <c>ChatResponse</c> (and of a <c>ChatResponseUpdate</c> when streaming), and of
/// <c>UsageDetails.AdditionalCounts</c>. The values are the SDK's own types, listed on each key.
/// </summary>
/// <remarks>
/// A value that has been through a serializer (for example a response read back from <c>UseDistributedCache</c>)
/// comes back as a <c>JsonElement</c>; <c>PerplexityJson.Deserialize</c> turns it back into the SDK type.
/// </remarks>
public static class PerplexityChatResponseProperties
{
    /// <summary>
    /// The run's status as a string: on the Agent route <c>queued</c>, <c>in_progress</c>, <c>completed</c>,
    /// <c>incomplete</c>; on the legacy routes <c>CREATED</c>, <c>IN_PROGRESS</c>, <c>COMPLETED</c> (a <see cref="string"/>).
    /// </summary>
    public const string Status = "status";

    /// <summary>
    /// What the run cost, in US dollars, when the API reported it: an <see cref="AgentCost"/> on the Agent route, a
    /// <see cref="Async.Cost"/> on the legacy routes.
    /// </summary>
    public const string Cost = "cost";

    /// <summary>Follow-up questions (an <c>IReadOnlyList&lt;string&gt;</c>), legacy sonar route, when returned.</summary>
    public const string RelatedQuestions = "related_questions";

    /// <summary>Images found for the answer (an <c>IReadOnlyList&lt;ImageResult&gt;</c>), legacy sonar route, when returned.</summary>
    public const string Images = "images";

    /// <summary>
    /// Every search result the answer drew on, when returned: an <c>IReadOnlyList&lt;AgentSearchResult&gt;</c> on the
    /// Agent route, an <c>IReadOnlyList&lt;ApiPublicSearchResult&gt;</c> on the legacy routes.
    /// </summary>
    public const string SearchResults = "search_results";

    /// <summary>In <c>UsageDetails.AdditionalCounts</c>: tokens spent on citations (legacy routes).</summary>
    public const string CitationTokens = "citation_tokens";

    /// <summary>In <c>UsageDetails.AdditionalCounts</c>: how many searches the model ran (legacy routes).</summary>
    public const string SearchQueries = "num_search_queries";

    /// <summary>
    /// In <c>UsageDetails.AdditionalCounts</c> (Agent route): input tokens written to the prompt cache. Tokens read from
    /// it are <c>UsageDetails.CachedInputTokenCount</c>.
    /// </summary>
    public const string CacheCreationInputTokens = "cache_creation_input_tokens";
}
