using System.Text.Json;

namespace Perplexity.Async.Serialization.Agent;

internal sealed class AgentStreamEventConverter() : TypeKeyedUnionConverter<AgentStreamEvent>(
    "a stream event",
    // The most frequent first: a streamed answer is mostly text deltas.
    (AgentOutputTextDeltaEvent.WireType, typeof(AgentOutputTextDeltaEvent)),
    (AgentOutputItemAddedEvent.WireType, typeof(AgentOutputItemAddedEvent)),
    (AgentOutputItemDoneEvent.WireType, typeof(AgentOutputItemDoneEvent)),
    (AgentOutputTextDoneEvent.WireType, typeof(AgentOutputTextDoneEvent)),
    (AgentResponseCreatedEvent.WireType, typeof(AgentResponseCreatedEvent)),
    (AgentResponseInProgressEvent.WireType, typeof(AgentResponseInProgressEvent)),
    (AgentResponseCompletedEvent.WireType, typeof(AgentResponseCompletedEvent)),
    (AgentResponseIncompleteEvent.WireType, typeof(AgentResponseIncompleteEvent)),
    (AgentResponseFailedEvent.WireType, typeof(AgentResponseFailedEvent)),
    (AgentResponseCancelledEvent.WireType, typeof(AgentResponseCancelledEvent)),
    (AgentReasoningStartedEvent.WireType, typeof(AgentReasoningStartedEvent)),
    (AgentReasoningStoppedEvent.WireType, typeof(AgentReasoningStoppedEvent)),
    (AgentReasoningSearchQueriesEvent.WireType, typeof(AgentReasoningSearchQueriesEvent)),
    (AgentReasoningSearchResultsEvent.WireType, typeof(AgentReasoningSearchResultsEvent)),
    (AgentReasoningImageSearchQueriesEvent.WireType, typeof(AgentReasoningImageSearchQueriesEvent)),
    (AgentReasoningImageSearchResultsEvent.WireType, typeof(AgentReasoningImageSearchResultsEvent)),
    (AgentReasoningFetchUrlQueriesEvent.WireType, typeof(AgentReasoningFetchUrlQueriesEvent)),
    (AgentReasoningFetchUrlResultsEvent.WireType, typeof(AgentReasoningFetchUrlResultsEvent)),
    (AgentSkillLoadedEvent.WireType, typeof(AgentSkillLoadedEvent)),
    (AgentErrorEvent.WireType, typeof(AgentErrorEvent)))
{
    protected override AgentStreamEvent CreateUnknown(JsonElement json) => new AgentUnknownStreamEvent(json);

    protected override bool TryGetRawJson(AgentStreamEvent value, out JsonElement json)
    {
        json = value is AgentUnknownStreamEvent unknown ? unknown.Json : default;
        return value is AgentUnknownStreamEvent;
    }
}
