using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Perplexity.Async;

/// <summary>
/// Builds the SDK's response models for tests of code that uses the SDK: mock a client's methods, or script the
/// emulator, with realistic objects in one call. Every parameter is optional; required members get a harmless
/// default, optional ones stay <see langword="null"/> unless noted.
/// </summary>
/// <example>
/// <code>
/// var job = PerplexityModelFactory.AsyncApiChatCompletionsResponse(
///     id: "req_1",
///     response: PerplexityModelFactory.CompletionResponse(
///         text: "Paris is the capital of France [1].",
///         citations: new[] { "https://en.wikipedia.org/wiki/Paris" },
///         usage: PerplexityModelFactory.UsageInfo(promptTokens: 9, completionTokens: 12,
///             cost: PerplexityModelFactory.Cost(inputTokensCost: 0.000009m, outputTokensCost: 0.000012m))));
/// // job.Status is COMPLETED (inferred from the response); job.Response!.Text is the answer.
///
/// // With a mocking library (NSubstitute here), a client then returns it:
/// var sonar = Substitute.For&lt;AsyncCompletionsClient&gt;();
/// sonar.GetAsync("req_1", Arg.Any&lt;AsyncRequestOptions?&gt;(), Arg.Any&lt;CancellationToken&gt;()).Returns(job);
/// </code>
/// </example>
public static partial class PerplexityModelFactory
{
    /// <summary>The timestamp used when none is given: 2025-01-01T00:00:00Z.</summary>
    public static DateTimeOffset DefaultTimestamp { get; } = DateTimeOffset.FromUnixTimeSeconds(1_735_689_600);

    /// <summary>Builds a job envelope.</summary>
    /// <param name="id">The job id. Defaults to <c>req_test</c>.</param>
    /// <param name="model">The model. Defaults to <c>sonar-deep-research</c>.</param>
    /// <param name="createdAt">Defaults to <see cref="DefaultTimestamp"/>.</param>
    /// <param name="status">
    /// Inferred when null: <c>COMPLETED</c> with a <paramref name="response"/>, <c>FAILED</c> with an
    /// <paramref name="errorMessage"/> or <paramref name="failedAt"/>, <c>IN_PROGRESS</c> with a
    /// <paramref name="startedAt"/>, otherwise <c>CREATED</c>.
    /// </param>
    /// <param name="startedAt">When processing started.</param>
    /// <param name="completedAt">When processing completed.</param>
    /// <param name="response">The completion.</param>
    /// <param name="failedAt">When the job failed.</param>
    /// <param name="errorMessage">Why the job failed.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AsyncApiChatCompletionsResponse AsyncApiChatCompletionsResponse(
        string id = "req_test",
        string model = "sonar-deep-research",
        DateTimeOffset? createdAt = null,
        AsyncProcessingStatus? status = null,
        DateTimeOffset? startedAt = null,
        DateTimeOffset? completedAt = null,
        CompletionResponse? response = null,
        DateTimeOffset? failedAt = null,
        string? errorMessage = null,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new()
        {
            Id = id,
            Model = model,
            CreatedAt = createdAt ?? DefaultTimestamp,
            Status = status ?? (response is not null ? AsyncProcessingStatus.Completed
                : errorMessage is not null || failedAt is not null ? AsyncProcessingStatus.Failed
                : startedAt is not null ? AsyncProcessingStatus.InProgress
                : AsyncProcessingStatus.Created),
            StartedAt = startedAt,
            CompletedAt = completedAt,
            Response = response,
            FailedAt = failedAt,
            ErrorMessage = errorMessage,
            AdditionalProperties = Copy(additionalProperties),
        };

    /// <summary>Builds a completion.</summary>
    /// <param name="id">The completion id. Defaults to <c>cmpl_test</c>.</param>
    /// <param name="model">The model. Defaults to <c>sonar-deep-research</c>.</param>
    /// <param name="created">Defaults to <see cref="DefaultTimestamp"/>.</param>
    /// <param name="choices">The answers. Defaults to none, or to one built from <paramref name="text"/>.</param>
    /// <param name="text">
    /// Shortcut for a single answer: one choice (index 0, finish reason <c>stop</c>) with an assistant message of
    /// this text. Give it or <paramref name="choices"/>, not both.
    /// </param>
    /// <param name="usage">Token counts and cost.</param>
    /// <param name="objectType">The object type. Defaults to <c>chat.completion</c>.</param>
    /// <param name="citations">The cited URLs.</param>
    /// <param name="searchResults">The search results.</param>
    /// <param name="type">The chunk type (legacy route).</param>
    /// <param name="status">The completion status (legacy route).</param>
    /// <param name="images">Images (sonar route).</param>
    /// <param name="relatedQuestions">Follow-up questions (sonar route).</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    /// <exception cref="ArgumentException">Both <paramref name="choices"/> and <paramref name="text"/> are given.</exception>
    public static CompletionResponse CompletionResponse(
        string id = "cmpl_test",
        string model = "sonar-deep-research",
        DateTimeOffset? created = null,
        IEnumerable<Choice>? choices = null,
        string? text = null,
        UsageInfo? usage = null,
        string objectType = "chat.completion",
        IEnumerable<string>? citations = null,
        IEnumerable<ApiPublicSearchResult>? searchResults = null,
        CompletionResponseType? type = null,
        CompletionResponseStatus? status = null,
        IEnumerable<ImageResult>? images = null,
        IEnumerable<string>? relatedQuestions = null,
        IDictionary<string, JsonElement>? additionalProperties = null)
    {
        if (choices is not null && text is not null)
        {
            throw new ArgumentException("Give either the choices or the text of a single answer, not both.", nameof(text));
        }

        return new()
        {
            Id = id,
            Model = model,
            Created = created ?? DefaultTimestamp,
            Choices = choices?.ToArray()
                ?? (text is null ? Array.Empty<Choice>() : new[] { Choice(message: ChatMessage(content: text), finishReason: FinishReason.Stop) }),
            Usage = usage,
            ObjectType = objectType,
            Citations = citations?.ToArray(),
            SearchResults = searchResults?.ToArray(),
            Type = type,
            Status = status,
            Images = images?.ToArray(),
            RelatedQuestions = relatedQuestions?.ToArray(),
            AdditionalProperties = Copy(additionalProperties),
        };
    }

    /// <summary>Builds one answer of a completion.</summary>
    /// <param name="index">Its position. Defaults to 0.</param>
    /// <param name="message">The answer. Defaults to an empty assistant message.</param>
    /// <param name="delta">The last streamed delta.</param>
    /// <param name="finishReason">Why the model stopped.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static Choice Choice(
        int index = 0,
        ChatMessage? message = null,
        ChatMessage? delta = null,
        FinishReason? finishReason = null,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new()
        {
            Index = index,
            Message = message ?? ChatMessage(),
            Delta = delta,
            FinishReason = finishReason,
            AdditionalProperties = Copy(additionalProperties),
        };

    /// <summary>Builds a chat message.</summary>
    /// <param name="role">The author. Defaults to <see cref="ChatMessageRole.Assistant"/>.</param>
    /// <param name="content">The content; a string converts implicitly.</param>
    /// <param name="reasoningSteps">The reasoning steps (legacy route).</param>
    /// <param name="toolCalls">Tool calls.</param>
    /// <param name="toolCallId">The tool call this message answers.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static ChatMessage ChatMessage(
        ChatMessageRole? role = null,
        MessageContent? content = null,
        IEnumerable<ReasoningStep>? reasoningSteps = null,
        IEnumerable<ToolCall>? toolCalls = null,
        string? toolCallId = null,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new()
        {
            Role = role ?? ChatMessageRole.Assistant,
            Content = content,
            ReasoningSteps = reasoningSteps?.ToArray(),
            ToolCalls = toolCalls?.ToArray(),
            ToolCallId = toolCallId,
            AdditionalProperties = Copy(additionalProperties),
        };

    /// <summary>Builds token counts and cost.</summary>
    /// <param name="promptTokens">Tokens in the prompt. Defaults to 0.</param>
    /// <param name="completionTokens">Tokens in the answer. Defaults to 0.</param>
    /// <param name="totalTokens">Defaults to the sum of prompt and answer tokens.</param>
    /// <param name="searchContextSize">The search context size (<c>low</c>, <c>medium</c>, <c>high</c>).</param>
    /// <param name="citationTokens">Tokens spent on citations.</param>
    /// <param name="numSearchQueries">How many searches ran.</param>
    /// <param name="reasoningTokens">Tokens spent reasoning.</param>
    /// <param name="cost">The cost.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static UsageInfo UsageInfo(
        int promptTokens = 0,
        int completionTokens = 0,
        int? totalTokens = null,
        string? searchContextSize = null,
        int? citationTokens = null,
        int? numSearchQueries = null,
        int? reasoningTokens = null,
        Cost? cost = null,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new()
        {
            PromptTokens = promptTokens,
            CompletionTokens = completionTokens,
            TotalTokens = totalTokens ?? promptTokens + completionTokens,
            SearchContextSize = searchContextSize,
            CitationTokens = citationTokens,
            NumSearchQueries = numSearchQueries,
            ReasoningTokens = reasoningTokens,
            Cost = cost,
            AdditionalProperties = Copy(additionalProperties),
        };

    /// <summary>Builds a cost breakdown in US dollars.</summary>
    /// <param name="inputTokensCost">Cost of the prompt tokens. Defaults to 0.</param>
    /// <param name="outputTokensCost">Cost of the answer tokens. Defaults to 0.</param>
    /// <param name="totalCost">Defaults to the sum of every other cost given.</param>
    /// <param name="reasoningTokensCost">Cost of the reasoning tokens.</param>
    /// <param name="requestCost">The per-request fee.</param>
    /// <param name="citationTokensCost">Cost of the citation tokens.</param>
    /// <param name="searchQueriesCost">Cost of the searches.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static Cost Cost(
        decimal inputTokensCost = 0m,
        decimal outputTokensCost = 0m,
        decimal? totalCost = null,
        decimal? reasoningTokensCost = null,
        decimal? requestCost = null,
        decimal? citationTokensCost = null,
        decimal? searchQueriesCost = null,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new()
        {
            InputTokensCost = inputTokensCost,
            OutputTokensCost = outputTokensCost,
            TotalCost = totalCost ?? inputTokensCost + outputTokensCost + (reasoningTokensCost ?? 0m)
                + (requestCost ?? 0m) + (citationTokensCost ?? 0m) + (searchQueriesCost ?? 0m),
            ReasoningTokensCost = reasoningTokensCost,
            RequestCost = requestCost,
            CitationTokensCost = citationTokensCost,
            SearchQueriesCost = searchQueriesCost,
            AdditionalProperties = Copy(additionalProperties),
        };

    /// <summary>Builds a search result.</summary>
    /// <param name="title">The page title. Defaults to <c>Example Domain</c>.</param>
    /// <param name="url">The page address. Defaults to <c>https://example.com/</c>.</param>
    /// <param name="date">The publication date, as free-form text.</param>
    /// <param name="lastUpdated">The last update, as free-form text.</param>
    /// <param name="snippet">An excerpt. Defaults to an empty string.</param>
    /// <param name="source">Where it came from. Defaults to <see cref="SearchResultSource.Web"/>.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static ApiPublicSearchResult ApiPublicSearchResult(
        string title = "Example Domain",
        string url = "https://example.com/",
        string? date = null,
        string? lastUpdated = null,
        string snippet = "",
        SearchResultSource? source = null,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new()
        {
            Title = title,
            Url = url,
            Date = date,
            LastUpdated = lastUpdated,
            Snippet = snippet,
            Source = source ?? SearchResultSource.Web,
            AdditionalProperties = Copy(additionalProperties),
        };

    /// <summary>Builds an image result (sonar route).</summary>
    /// <param name="imageUrl">The image's address. Defaults to <c>https://example.com/image.png</c>.</param>
    /// <param name="originUrl">The page it was found on.</param>
    /// <param name="title">Its title.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static ImageResult ImageResult(
        string imageUrl = "https://example.com/image.png",
        string? originUrl = null,
        string? title = null,
        int? width = null,
        int? height = null,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new()
        {
            ImageUrl = imageUrl,
            OriginUrl = originUrl,
            Title = title,
            Width = width,
            Height = height,
            AdditionalProperties = Copy(additionalProperties),
        };

    /// <summary>Builds a reasoning step.</summary>
    /// <param name="thought">The model's thought. Defaults to an empty string.</param>
    /// <param name="type">
    /// The step kind. Inferred when null from the details given: <c>web_search</c>, <c>fetch_url_content</c> or
    /// <c>execute_python</c> (null when none or several are given).
    /// </param>
    /// <param name="webSearch">The search made.</param>
    /// <param name="fetchUrlContent">The pages fetched.</param>
    /// <param name="executePython">The code run.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static ReasoningStep ReasoningStep(
        string thought = "",
        string? type = null,
        WebSearchStepDetails? webSearch = null,
        FetchUrlContentStepDetails? fetchUrlContent = null,
        ExecutePythonStepDetails? executePython = null,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new()
        {
            Thought = thought,
            Type = type ?? (webSearch, fetchUrlContent, executePython) switch
            {
                (not null, null, null) => "web_search",
                (null, not null, null) => "fetch_url_content",
                (null, null, not null) => "execute_python",
                _ => null,
            },
            WebSearch = webSearch,
            FetchUrlContent = fetchUrlContent,
            ExecutePython = executePython,
            AdditionalProperties = Copy(additionalProperties),
        };

    /// <summary>Builds the details of a web-search step.</summary>
    /// <param name="searchResults">The results. Defaults to none.</param>
    /// <param name="searchKeywords">The keywords. Defaults to none.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static WebSearchStepDetails WebSearchStepDetails(
        IEnumerable<ApiPublicSearchResult>? searchResults = null,
        IEnumerable<string>? searchKeywords = null,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new()
        {
            SearchResults = searchResults?.ToArray() ?? Array.Empty<ApiPublicSearchResult>(),
            SearchKeywords = searchKeywords?.ToArray() ?? Array.Empty<string>(),
            AdditionalProperties = Copy(additionalProperties),
        };

    /// <summary>Builds the details of a fetch-URL step.</summary>
    /// <param name="contents">The fetched pages. Defaults to none.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static FetchUrlContentStepDetails FetchUrlContentStepDetails(
        IEnumerable<ApiPublicSearchResult>? contents = null, IDictionary<string, JsonElement>? additionalProperties = null) =>
        new() { Contents = contents?.ToArray() ?? Array.Empty<ApiPublicSearchResult>(), AdditionalProperties = Copy(additionalProperties) };

    /// <summary>Builds the details of a Python step.</summary>
    /// <param name="code">The code. Defaults to an empty string.</param>
    /// <param name="result">Its output. Defaults to an empty string.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static ExecutePythonStepDetails ExecutePythonStepDetails(
        string code = "", string result = "", IDictionary<string, JsonElement>? additionalProperties = null) =>
        new() { Code = code, Result = result, AdditionalProperties = Copy(additionalProperties) };

    /// <summary>Builds a tool call.</summary>
    /// <param name="id">The call id.</param>
    /// <param name="type">The call type. Defaults to <c>function</c>.</param>
    /// <param name="function">The function and its arguments.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static ToolCall ToolCall(
        string? id = null, string? type = "function", ToolCallFunction? function = null, IDictionary<string, JsonElement>? additionalProperties = null) =>
        new() { Id = id, Type = type, Function = function, AdditionalProperties = Copy(additionalProperties) };

    /// <summary>Builds the function of a tool call.</summary>
    /// <param name="name">The function name.</param>
    /// <param name="arguments">The arguments as a JSON string.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static ToolCallFunction ToolCallFunction(
        string? name = null, string? arguments = null, IDictionary<string, JsonElement>? additionalProperties = null) =>
        new() { Name = name, Arguments = arguments, AdditionalProperties = Copy(additionalProperties) };

    /// <summary>Builds a 422 body.</summary>
    /// <param name="detail">The problems. Defaults to none.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static HttpValidationError HttpValidationError(
        IEnumerable<ValidationError>? detail = null, IDictionary<string, JsonElement>? additionalProperties = null) =>
        new() { Detail = detail?.ToArray() ?? Array.Empty<ValidationError>(), AdditionalProperties = Copy(additionalProperties) };

    /// <summary>Builds one problem of a 422 body.</summary>
    /// <param name="location">Where it is, for example <c>new StringOrInteger[] { "body", "request", "model" }</c>. Defaults to none.</param>
    /// <param name="message">What is wrong. Defaults to <c>Field required</c>.</param>
    /// <param name="type">The error type. Defaults to <c>missing</c>.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static ValidationError ValidationError(
        IEnumerable<StringOrInteger>? location = null,
        string message = "Field required",
        string type = "missing",
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new()
        {
            Location = location?.ToArray() ?? Array.Empty<StringOrInteger>(),
            Message = message,
            Type = type,
            AdditionalProperties = Copy(additionalProperties),
        };

    private static Dictionary<string, JsonElement>? Copy(IDictionary<string, JsonElement>? properties) =>
        properties is null ? null : new Dictionary<string, JsonElement>(properties, StringComparer.Ordinal);
}
