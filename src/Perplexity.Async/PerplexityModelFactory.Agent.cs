using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Perplexity.Async;

// The Agent API's models: a run and what it carries.
public static partial class PerplexityModelFactory
{
    /// <summary>The model a completed run reports when none is given: <c>openai/gpt-5.2</c>.</summary>
    public const string DefaultAgentModel = "openai/gpt-5.2";

    /// <summary>Builds an Agent API run, as create, GET or a stream snapshot returns it.</summary>
    /// <param name="id">The run id. Defaults to <c>resp_test</c>.</param>
    /// <param name="status">
    /// Inferred when null: <c>cancelled</c> with an <paramref name="error"/> whose code is <c>cancelled</c> or
    /// <paramref name="incompleteDetails"/> whose reason is; otherwise <c>failed</c> with an <paramref name="error"/>,
    /// <c>incomplete</c> with <paramref name="incompleteDetails"/>, <c>completed</c> with <paramref name="usage"/> or a
    /// message in <paramref name="output"/>, <c>in_progress</c> with other output, else <c>queued</c>.
    /// </param>
    /// <param name="model">
    /// Defaults as the live service reports it: <see cref="DefaultAgentModel"/> for a completed or incomplete run, the
    /// preset name <c>medium</c> otherwise.
    /// </param>
    /// <param name="output">The output items. Defaults to none, or to one message built from <paramref name="outputText"/>.</param>
    /// <param name="outputText">Shortcut for the answer: one completed assistant message of this text. Give it or <paramref name="output"/>, not both.</param>
    /// <param name="usage">Tokens and cost.</param>
    /// <param name="error">What went wrong.</param>
    /// <param name="incompleteDetails">Why the run stopped early.</param>
    /// <param name="createdAt">Defaults to <see cref="DefaultTimestamp"/>.</param>
    /// <param name="completedAt">Defaults to <paramref name="createdAt"/> for a completed run, otherwise null.</param>
    /// <param name="background">Whether the run is a background run. Defaults to <see langword="true"/>.</param>
    /// <param name="instructions">The echoed instructions.</param>
    /// <param name="previousResponseId">The echoed previous response id.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    /// <exception cref="ArgumentException">Both <paramref name="output"/> and <paramref name="outputText"/> are given.</exception>
    public static AgentResponse AgentResponse(
        string id = "resp_test",
        AgentResponseStatus? status = null,
        string? model = null,
        IEnumerable<AgentOutputItem>? output = null,
        string? outputText = null,
        AgentUsage? usage = null,
        AgentError? error = null,
        AgentIncompleteDetails? incompleteDetails = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? completedAt = null,
        bool background = true,
        string? instructions = null,
        string? previousResponseId = null,
        IDictionary<string, JsonElement>? additionalProperties = null)
    {
        if (output is not null && outputText is not null)
        {
            throw new ArgumentException("Give either the output items or the text of a single answer, not both.", nameof(outputText));
        }

        var items = output?.ToArray()
            ?? (outputText is null ? Array.Empty<AgentOutputItem>() : new AgentOutputItem[] { AgentMessageOutputItem(outputText) });
        var resolved = status ?? InferStatus(items, usage, error, incompleteDetails);
        var created = createdAt ?? DefaultTimestamp;
        return new()
        {
            Id = id,
            ObjectType = "response",
            CreatedAt = created,
            Status = resolved,
            Model = model ?? (resolved == AgentResponseStatus.Completed || resolved == AgentResponseStatus.Incomplete ? DefaultAgentModel : "medium"),
            Output = items,
            Usage = usage,
            Error = error,
            IncompleteDetails = incompleteDetails,
            CompletedAt = completedAt ?? (resolved == AgentResponseStatus.Completed ? created : null),
            Background = background,
            Instructions = instructions,
            PreviousResponseId = previousResponseId,
            AdditionalProperties = Copy(additionalProperties),
        };
    }

    /// <summary>Builds the answer item of a run: an assistant message with one <c>output_text</c> part.</summary>
    /// <param name="text">The answer. Defaults to an empty string.</param>
    /// <param name="id">The item id. Defaults to <c>msg_test</c>.</param>
    /// <param name="annotations">Citations on the text.</param>
    /// <param name="status">Defaults to <see cref="AgentResponseStatus.Completed"/>.</param>
    public static AgentMessageOutputItem AgentMessageOutputItem(
        string text = "",
        string id = "msg_test",
        IEnumerable<AgentAnnotation>? annotations = null,
        AgentResponseStatus? status = null) =>
        new()
        {
            Id = id,
            Role = AgentMessageRole.Assistant,
            Status = status ?? AgentResponseStatus.Completed,
            Content = new AgentOutputContentPart[] { new AgentOutputTextPart { Text = text, Annotations = annotations?.ToArray() ?? Array.Empty<AgentAnnotation>() } },
        };

    /// <summary>Builds the results of one web search call.</summary>
    /// <param name="results">The pages found. Defaults to none.</param>
    /// <param name="queries">The queries. Defaults to none.</param>
    public static AgentSearchResultsOutputItem AgentSearchResultsOutputItem(
        IEnumerable<AgentSearchResult>? results = null, IEnumerable<string>? queries = null) =>
        new() { Results = results?.ToArray() ?? Array.Empty<AgentSearchResult>(), Queries = queries?.ToArray() ?? Array.Empty<string>() };

    /// <summary>Builds one page a search found.</summary>
    /// <param name="id">Its number in the run. Defaults to 1.</param>
    /// <param name="url">The page address. Defaults to <c>https://example.com/</c>.</param>
    /// <param name="title">The page title. Defaults to <c>Example Domain</c>.</param>
    /// <param name="snippet">An excerpt. Defaults to an empty string.</param>
    /// <param name="date">The publication date, as free-form text.</param>
    /// <param name="lastUpdated">The last update, as free-form text.</param>
    /// <param name="source">Defaults to <see cref="SearchResultSource.Web"/>.</param>
    public static AgentSearchResult AgentSearchResult(
        long id = 1,
        string url = "https://example.com/",
        string title = "Example Domain",
        string snippet = "",
        string? date = null,
        string? lastUpdated = null,
        SearchResultSource? source = null) =>
        new() { Id = id, Url = url, Title = title, Snippet = snippet, Date = date, LastUpdated = lastUpdated, Source = source ?? SearchResultSource.Web };

    /// <summary>Builds the results of one <c>fetch_url</c> call.</summary>
    /// <param name="contents">The pages read. Defaults to none.</param>
    public static AgentFetchUrlResultsOutputItem AgentFetchUrlResultsOutputItem(IEnumerable<AgentUrlContent>? contents = null) =>
        new() { Contents = contents?.ToArray() ?? Array.Empty<AgentUrlContent>() };

    /// <summary>Builds a page the <c>fetch_url</c> tool read.</summary>
    /// <param name="url">The page address. Defaults to <c>https://example.com/</c>.</param>
    /// <param name="title">The page title. Defaults to <c>Example Domain</c>.</param>
    /// <param name="snippet">The page text. Defaults to an empty string.</param>
    public static AgentUrlContent AgentUrlContent(string url = "https://example.com/", string title = "Example Domain", string snippet = "") =>
        new() { Url = url, Title = title, Snippet = snippet };

    /// <summary>Builds a call of one of the request's function tools.</summary>
    /// <param name="name">The function's name. Defaults to <c>get_weather</c>.</param>
    /// <param name="arguments">The arguments as JSON text. Defaults to <c>{}</c>.</param>
    /// <param name="callId">Defaults to <c>call_test</c>.</param>
    /// <param name="id">The item id. Defaults to <c>fc_test</c>.</param>
    /// <param name="status">Defaults to <see cref="AgentResponseStatus.Completed"/>.</param>
    public static AgentFunctionCallOutputItem AgentFunctionCallOutputItem(
        string name = "get_weather", string arguments = "{}", string callId = "call_test", string id = "fc_test", AgentResponseStatus? status = null) =>
        new() { Id = id, Name = name, Arguments = arguments, CallId = callId, Status = status ?? AgentResponseStatus.Completed };

    /// <summary>Builds a run's usage.</summary>
    /// <param name="inputTokens">Defaults to 0.</param>
    /// <param name="outputTokens">Defaults to 0.</param>
    /// <param name="totalTokens">Defaults to the sum of input and output tokens.</param>
    /// <param name="cachedTokens">Cached input tokens; sets <c>input_tokens_details.cached_tokens</c>.</param>
    /// <param name="reasoningTokens">Reasoning tokens; sets <c>output_tokens_details.reasoning_tokens</c>.</param>
    /// <param name="toolCallsDetails">The tools that ran, keyed by billing name (<c>search_web</c>, <c>fetch_url</c>, …).</param>
    /// <param name="cost">The cost.</param>
    public static AgentUsage AgentUsage(
        long inputTokens = 0,
        long outputTokens = 0,
        long? totalTokens = null,
        long? cachedTokens = null,
        long? reasoningTokens = null,
        IDictionary<string, AgentToolCallDetails>? toolCallsDetails = null,
        AgentCost? cost = null) =>
        new()
        {
            InputTokens = inputTokens,
            OutputTokens = outputTokens,
            TotalTokens = totalTokens ?? inputTokens + outputTokens,
            InputTokensDetails = cachedTokens is null ? null : new AgentInputTokensDetails { CachedTokens = cachedTokens },
            OutputTokensDetails = reasoningTokens is null ? null : new AgentOutputTokensDetails { ReasoningTokens = reasoningTokens },
            ToolCallsDetails = toolCallsDetails is null ? null : new Dictionary<string, AgentToolCallDetails>(toolCallsDetails, StringComparer.Ordinal),
            Cost = cost,
        };

    /// <summary>Builds how often one tool ran and what it cost.</summary>
    /// <param name="invocation">How many times it ran. Defaults to 1.</param>
    /// <param name="costUsd">What it cost in US dollars.</param>
    /// <param name="tokenUsage">The tokens each call used.</param>
    public static AgentToolCallDetails AgentToolCallDetails(long invocation = 1, decimal? costUsd = null, IEnumerable<AgentToolTokenUsage>? tokenUsage = null) =>
        new() { Invocation = invocation, CostUsd = costUsd, TokenUsage = tokenUsage?.ToArray() };

    /// <summary>Builds a run's cost in US dollars.</summary>
    /// <param name="inputCost">The input tokens' cost. Defaults to 0.</param>
    /// <param name="outputCost">The output tokens' cost. Defaults to 0.</param>
    /// <param name="totalCost">Defaults to the sum of every other cost given (cost details excluded, they split the tool cost).</param>
    /// <param name="toolCallsCost">The tool calls' cost.</param>
    /// <param name="toolCallsCostDetails">Each tool's cost, keyed by billing name.</param>
    /// <param name="cacheCreationCost">The prompt cache write cost.</param>
    /// <param name="cacheReadCost">The prompt cache read cost.</param>
    /// <param name="currency">Defaults to <c>USD</c>.</param>
    public static AgentCost AgentCost(
        decimal inputCost = 0m,
        decimal outputCost = 0m,
        decimal? totalCost = null,
        decimal? toolCallsCost = null,
        IDictionary<string, decimal>? toolCallsCostDetails = null,
        decimal? cacheCreationCost = null,
        decimal? cacheReadCost = null,
        string currency = "USD") =>
        new()
        {
            Currency = currency,
            InputCost = inputCost,
            OutputCost = outputCost,
            TotalCost = totalCost ?? inputCost + outputCost + (toolCallsCost ?? 0m) + (cacheCreationCost ?? 0m) + (cacheReadCost ?? 0m),
            ToolCallsCost = toolCallsCost,
            ToolCallsCostDetails = toolCallsCostDetails is null ? null : new Dictionary<string, decimal>(toolCallsCostDetails, StringComparer.Ordinal),
            CacheCreationCost = cacheCreationCost,
            CacheReadCost = cacheReadCost,
        };

    /// <summary>Builds an error, as a failed run, a stream event or an HTTP error body carries it.</summary>
    /// <param name="message">Defaults to <c>internal error</c>.</param>
    /// <param name="type">Defaults to <c>internal_error</c>.</param>
    /// <param name="code">A string (<c>"cancelled"</c>) or an integer (an HTTP status).</param>
    /// <param name="param">The request field concerned.</param>
    public static AgentError AgentError(string message = "internal error", string type = "internal_error", StringOrInteger? code = null, string? param = null) =>
        new() { Message = message, Type = type, Code = code, Param = param };

    /// <summary>Builds the error of a cancelled run as the live service reports it: code, message and type all <c>cancelled</c>.</summary>
    public static AgentError AgentCancelledError() => new() { Code = "cancelled", Message = "cancelled", Type = "cancelled" };

    /// <summary>Builds why a run stopped early.</summary>
    /// <param name="reason"><c>max_output_tokens</c> (the default) or <c>cancelled</c>.</param>
    public static AgentIncompleteDetails AgentIncompleteDetails(string reason = "max_output_tokens") => new() { Reason = reason };

    private static AgentResponseStatus InferStatus(
        AgentOutputItem[] output, AgentUsage? usage, AgentError? error, AgentIncompleteDetails? incompleteDetails)
    {
        if ((error?.Code is { } code && code.StringValue == "cancelled") || incompleteDetails?.Reason == "cancelled")
        {
            return AgentResponseStatus.Cancelled;
        }

        if (error is not null)
        {
            return AgentResponseStatus.Failed;
        }

        if (incompleteDetails is not null)
        {
            return AgentResponseStatus.Incomplete;
        }

        if (usage is not null || output.Any(item => item is AgentMessageOutputItem))
        {
            return AgentResponseStatus.Completed;
        }

        return output.Length > 0 ? AgentResponseStatus.InProgress : AgentResponseStatus.Queued;
    }
}
