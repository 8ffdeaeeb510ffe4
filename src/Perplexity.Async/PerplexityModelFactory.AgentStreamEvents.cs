using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Perplexity.Async;

// The Agent API's other stream events: run state snapshots, output items, the finished text, the reasoning steps.
// Each takes the unknown properties only a parsed event could otherwise hold.
public static partial class PerplexityModelFactory
{
    /// <summary>Builds a <c>response.in_progress</c> event.</summary>
    /// <param name="response">The snapshot. Defaults to a run with status <c>in_progress</c>.</param>
    /// <param name="sequenceNumber">Defaults to 0.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentResponseInProgressEvent AgentResponseInProgressEvent(
        AgentResponse? response = null, long sequenceNumber = 0, IDictionary<string, JsonElement>? additionalProperties = null) =>
        new() { Response = response ?? AgentResponse(status: AgentResponseStatus.InProgress), SequenceNumber = sequenceNumber, AdditionalProperties = Copy(additionalProperties) };

    /// <summary>Builds the terminal event of a run that stopped early.</summary>
    /// <param name="response">The final snapshot. Defaults to an incomplete run (<c>max_output_tokens</c>).</param>
    /// <param name="sequenceNumber">Defaults to 0.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentResponseIncompleteEvent AgentResponseIncompleteEvent(
        AgentResponse? response = null, long sequenceNumber = 0, IDictionary<string, JsonElement>? additionalProperties = null) =>
        new() { Response = response ?? AgentResponse(incompleteDetails: AgentIncompleteDetails()), SequenceNumber = sequenceNumber, AdditionalProperties = Copy(additionalProperties) };

    /// <summary>Builds the terminal event of a cancelled run.</summary>
    /// <param name="response">The final snapshot. Defaults to a cancelled run (<see cref="AgentCancelledError"/>).</param>
    /// <param name="sequenceNumber">Defaults to 0.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentResponseCancelledEvent AgentResponseCancelledEvent(
        AgentResponse? response = null, long sequenceNumber = 0, IDictionary<string, JsonElement>? additionalProperties = null) =>
        new() { Response = response ?? AgentResponse(error: AgentCancelledError()), SequenceNumber = sequenceNumber, AdditionalProperties = Copy(additionalProperties) };

    /// <summary>Builds a <c>response.output_item.added</c> event.</summary>
    /// <param name="item">The item. Defaults to an in-progress assistant message with no text.</param>
    /// <param name="outputIndex">The item's position in the output. Defaults to 0.</param>
    /// <param name="sequenceNumber">Defaults to 0.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentOutputItemAddedEvent AgentOutputItemAddedEvent(
        AgentOutputItem? item = null, int outputIndex = 0, long sequenceNumber = 0, IDictionary<string, JsonElement>? additionalProperties = null) =>
        new()
        {
            Item = item ?? AgentMessageOutputItem(status: AgentResponseStatus.InProgress),
            OutputIndex = outputIndex,
            SequenceNumber = sequenceNumber,
            AdditionalProperties = Copy(additionalProperties),
        };

    /// <summary>Builds a <c>response.output_item.done</c> event.</summary>
    /// <param name="item">The finished item. Defaults to a completed assistant message with no text.</param>
    /// <param name="outputIndex">The item's position in the output. Defaults to 0.</param>
    /// <param name="sequenceNumber">Defaults to 0.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentOutputItemDoneEvent AgentOutputItemDoneEvent(
        AgentOutputItem? item = null, int outputIndex = 0, long sequenceNumber = 0, IDictionary<string, JsonElement>? additionalProperties = null) =>
        new() { Item = item ?? AgentMessageOutputItem(), OutputIndex = outputIndex, SequenceNumber = sequenceNumber, AdditionalProperties = Copy(additionalProperties) };

    /// <summary>Builds the event that carries a text part's whole text once it is finished.</summary>
    /// <param name="text">The whole text.</param>
    /// <param name="sequenceNumber">Defaults to 0.</param>
    /// <param name="itemId">The message item's id. Defaults to <c>msg_test</c>.</param>
    /// <param name="outputIndex">The message's position in the output. Defaults to 0.</param>
    /// <param name="contentIndex">The part's position in the message. Defaults to 0.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentOutputTextDoneEvent AgentOutputTextDoneEvent(
        string text,
        long sequenceNumber = 0,
        string itemId = "msg_test",
        int outputIndex = 0,
        int contentIndex = 0,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new()
        {
            Text = text,
            SequenceNumber = sequenceNumber,
            ItemId = itemId,
            OutputIndex = outputIndex,
            ContentIndex = contentIndex,
            AdditionalProperties = Copy(additionalProperties),
        };

    /// <summary>Builds a <c>response.reasoning.started</c> event.</summary>
    /// <param name="thought">The agent's thought.</param>
    /// <param name="sequenceNumber">Defaults to 0.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentReasoningStartedEvent AgentReasoningStartedEvent(
        string? thought = null, long sequenceNumber = 0, IDictionary<string, JsonElement>? additionalProperties = null) =>
        new() { Thought = thought, SequenceNumber = sequenceNumber, AdditionalProperties = Copy(additionalProperties) };

    /// <summary>Builds a <c>response.reasoning.stopped</c> event.</summary>
    /// <param name="thought">The agent's thought.</param>
    /// <param name="sequenceNumber">Defaults to 0.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentReasoningStoppedEvent AgentReasoningStoppedEvent(
        string? thought = null, long sequenceNumber = 0, IDictionary<string, JsonElement>? additionalProperties = null) =>
        new() { Thought = thought, SequenceNumber = sequenceNumber, AdditionalProperties = Copy(additionalProperties) };

    /// <summary>Builds a <c>response.reasoning.search_queries</c> event.</summary>
    /// <param name="queries">The queries. Defaults to none.</param>
    /// <param name="thought">The agent's thought.</param>
    /// <param name="sequenceNumber">Defaults to 0.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentReasoningSearchQueriesEvent AgentReasoningSearchQueriesEvent(
        IEnumerable<string>? queries = null, string? thought = null, long sequenceNumber = 0, IDictionary<string, JsonElement>? additionalProperties = null) =>
        new() { Queries = queries?.ToArray() ?? Array.Empty<string>(), Thought = thought, SequenceNumber = sequenceNumber, AdditionalProperties = Copy(additionalProperties) };

    /// <summary>Builds a <c>response.reasoning.search_results</c> event.</summary>
    /// <param name="results">The pages found. Defaults to none.</param>
    /// <param name="usage">The usage so far.</param>
    /// <param name="thought">The agent's thought.</param>
    /// <param name="sequenceNumber">Defaults to 0.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentReasoningSearchResultsEvent AgentReasoningSearchResultsEvent(
        IEnumerable<AgentSearchResult>? results = null,
        AgentUsage? usage = null,
        string? thought = null,
        long sequenceNumber = 0,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new()
        {
            Results = results?.ToArray() ?? Array.Empty<AgentSearchResult>(),
            Usage = usage,
            Thought = thought,
            SequenceNumber = sequenceNumber,
            AdditionalProperties = Copy(additionalProperties),
        };

    /// <summary>Builds a <c>response.reasoning.image_search_queries</c> event.</summary>
    /// <param name="queries">The queries. Defaults to none.</param>
    /// <param name="callId">Defaults to <c>call_test</c>.</param>
    /// <param name="thought">The agent's thought.</param>
    /// <param name="sequenceNumber">Defaults to 0.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentReasoningImageSearchQueriesEvent AgentReasoningImageSearchQueriesEvent(
        IEnumerable<string>? queries = null,
        string callId = "call_test",
        string? thought = null,
        long sequenceNumber = 0,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new()
        {
            Queries = queries?.ToArray() ?? Array.Empty<string>(),
            CallId = callId,
            Thought = thought,
            SequenceNumber = sequenceNumber,
            AdditionalProperties = Copy(additionalProperties),
        };

    /// <summary>Builds a <c>response.reasoning.image_search_results</c> event.</summary>
    /// <param name="results">The images found. Defaults to none.</param>
    /// <param name="callId">Defaults to <c>call_test</c>.</param>
    /// <param name="usage">The usage so far.</param>
    /// <param name="thought">The agent's thought.</param>
    /// <param name="sequenceNumber">Defaults to 0.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentReasoningImageSearchResultsEvent AgentReasoningImageSearchResultsEvent(
        IEnumerable<AgentImageResult>? results = null,
        string callId = "call_test",
        AgentUsage? usage = null,
        string? thought = null,
        long sequenceNumber = 0,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new()
        {
            Results = results?.ToArray() ?? Array.Empty<AgentImageResult>(),
            CallId = callId,
            Usage = usage,
            Thought = thought,
            SequenceNumber = sequenceNumber,
            AdditionalProperties = Copy(additionalProperties),
        };

    /// <summary>Builds a <c>response.reasoning.fetch_url_queries</c> event.</summary>
    /// <param name="urls">The addresses to read. Defaults to none.</param>
    /// <param name="thought">The agent's thought.</param>
    /// <param name="sequenceNumber">Defaults to 0.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentReasoningFetchUrlQueriesEvent AgentReasoningFetchUrlQueriesEvent(
        IEnumerable<string>? urls = null, string? thought = null, long sequenceNumber = 0, IDictionary<string, JsonElement>? additionalProperties = null) =>
        new() { Urls = urls?.ToArray() ?? Array.Empty<string>(), Thought = thought, SequenceNumber = sequenceNumber, AdditionalProperties = Copy(additionalProperties) };

    /// <summary>Builds a <c>response.reasoning.fetch_url_results</c> event.</summary>
    /// <param name="contents">The pages read. Defaults to none.</param>
    /// <param name="thought">The agent's thought.</param>
    /// <param name="sequenceNumber">Defaults to 0.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentReasoningFetchUrlResultsEvent AgentReasoningFetchUrlResultsEvent(
        IEnumerable<AgentUrlContent>? contents = null, string? thought = null, long sequenceNumber = 0, IDictionary<string, JsonElement>? additionalProperties = null) =>
        new() { Contents = contents?.ToArray() ?? Array.Empty<AgentUrlContent>(), Thought = thought, SequenceNumber = sequenceNumber, AdditionalProperties = Copy(additionalProperties) };

    /// <summary>Builds a <c>response.skill.loaded</c> event.</summary>
    /// <param name="name">The skill's name. Defaults to <c>test_skill</c>.</param>
    /// <param name="sequenceNumber">Defaults to 0.</param>
    /// <param name="additionalProperties">Unknown properties, as if the API had sent them.</param>
    public static AgentSkillLoadedEvent AgentSkillLoadedEvent(
        string? name = "test_skill", long sequenceNumber = 0, IDictionary<string, JsonElement>? additionalProperties = null) =>
        new() { Name = name, SequenceNumber = sequenceNumber, AdditionalProperties = Copy(additionalProperties) };
}
