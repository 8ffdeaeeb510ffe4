using System;
using System.Collections.Generic;
using Microsoft.Extensions.AI;

namespace Perplexity.Async.Internal.Agent;

/// <summary>
/// Turns the events of one Agent run's stream into <see cref="ChatResponseUpdate"/>s: snapshots into status updates,
/// text deltas into text, reasoning events into reasoning content, search results into citation annotations, function
/// call items into <see cref="FunctionCallContent"/>, and the terminal event into the last update with the usage, cost
/// and finish reason. One instance per stream; not thread-safe.
/// </summary>
internal sealed class AgentUpdateMapper
{
    private readonly bool _background;
    private readonly HashSet<string> _sources = new(StringComparer.Ordinal);
    private readonly HashSet<string> _calls = new(StringComparer.Ordinal);
    private string? _runId;
    private string? _modelId;
    private long _delivered;

    /// <param name="runId">The run's id when resuming; null for a new run (its first event names it).</param>
    /// <param name="background">Whether updates carry continuation tokens.</param>
    /// <param name="deliveredText">How many characters of the answer an earlier stream of the run delivered.</param>
    public AgentUpdateMapper(string? runId, bool background, long deliveredText)
    {
        _runId = runId;
        _background = background;
        _delivered = deliveredText;
    }

    /// <summary>The run's id, once an event has named it.</summary>
    public string? RunId => _runId;

    /// <summary>The update of <paramref name="e"/>; null for an event that has nothing to tell (done markers, unknown types).</summary>
    public ChatResponseUpdate? Map(AgentStreamEvent e)
    {
        switch (e)
        {
            case AgentResponseSnapshotEvent { Response: { } response } snapshot when !snapshot.IsTerminal:
                _runId ??= response.Id;
                _modelId = response.Model;
                return Update(e, [], status: response.Status.Value, createdAt: response.CreatedAt);
            case AgentOutputTextDeltaEvent delta:
                _delivered += delta.Delta.Length;
                var text = Update(e, [new TextContent(delta.Delta) { RawRepresentation = e }]);
                text.MessageId = string.IsNullOrEmpty(delta.ItemId) ? null : delta.ItemId;
                return text;
            case AgentReasoningStartedEvent { Thought: { Length: > 0 } thought }:
                return Reasoning(e, thought);
            case AgentReasoningStoppedEvent { Thought: { Length: > 0 } thought }:
                return Reasoning(e, thought);
            case AgentReasoningSearchQueriesEvent queries:
                return Reasoning(e, queries.Thought ?? "Searching: " + string.Join("; ", queries.Queries));
            case AgentReasoningFetchUrlQueriesEvent fetches:
                return Reasoning(e, fetches.Thought ?? "Reading: " + string.Join("; ", fetches.Urls));
            case AgentReasoningImageSearchQueriesEvent images:
                return Reasoning(e, images.Thought ?? "Searching images: " + string.Join("; ", images.Queries));
            case AgentReasoningSearchResultsEvent results:
                return AgentResponseMapper.SourcesOf(results.Results, _sources) is { } sources
                    ? Update(e, [new TextContent(string.Empty) { Annotations = sources, RawRepresentation = e }])
                    : null;
            case AgentOutputItemDoneEvent { Item: AgentFunctionCallOutputItem call } when _calls.Add(call.CallId):
                return Update(e, [AgentResponseMapper.FunctionCallOf(call)]);
            case AgentResponseCompletedEvent or AgentResponseIncompleteEvent:
                return Final(e, ((AgentResponseSnapshotEvent)e).Response);
            default:
                return null;
        }
    }

    /// <summary>
    /// The last update, of a <c>completed</c> or <c>incomplete</c> run: the answer's text not streamed before (all of
    /// it when the stream ended on a snapshot built by polling), its usage (as <see cref="UsageContent"/>), function
    /// calls and sources not streamed before, finish reason, cost and status; no continuation token.
    /// </summary>
    private ChatResponseUpdate Final(AgentStreamEvent e, AgentResponse? response)
    {
        var contents = new List<AIContent>();
        if (response is not null)
        {
            _runId ??= response.Id;
            _modelId = response.Model;
            var text = response.OutputText;
            if (text.Length > _delivered)
            {
                contents.Add(new TextContent(text.Substring((int)_delivered)));
                _delivered = text.Length;
            }

            if (AgentResponseMapper.SourcesOf(response.SearchResults, _sources) is { } sources)
            {
                contents.Add(new TextContent(string.Empty) { Annotations = sources });
            }

            foreach (var call in response.FunctionCalls)
            {
                if (_calls.Add(call.CallId))
                {
                    contents.Add(AgentResponseMapper.FunctionCallOf(call));
                }
            }

            if (AgentResponseMapper.UsageOf(response.Usage) is { } usage)
            {
                contents.Add(new UsageContent(usage));
            }
        }

        var update = Update(e, contents, status: response?.Status.Value, final: true);
        if (response is not null)
        {
            update.FinishReason = AgentResponseMapper.FinishReasonOf(response);
            update.AdditionalProperties = AgentResponseMapper.PropertiesOf(response);
            update.CreatedAt = response.CreatedAt;
        }

        return update;
    }

    private ChatResponseUpdate Reasoning(AgentStreamEvent e, string text) =>
        Update(e, [new TextReasoningContent(text) { RawRepresentation = e }]);

    private ChatResponseUpdate Update(
        AgentStreamEvent e, List<AIContent> contents, string? status = null, DateTimeOffset? createdAt = null, bool final = false)
    {
        var update = new ChatResponseUpdate(ChatRole.Assistant, contents)
        {
            ResponseId = _runId,
            ModelId = _modelId,
            CreatedAt = createdAt,
            RawRepresentation = e,
            ContinuationToken = _background && !final && _runId is not null ? new AgentRunContinuationToken(_runId, e.SequenceNumber, _delivered) : null,
        };

        if (status is not null)
        {
            update.AdditionalProperties = new() { [PerplexityChatResponseProperties.Status] = status };
        }

        return update;
    }
}
