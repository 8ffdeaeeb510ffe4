using System.Text.Json;

namespace Perplexity.Async.Serialization.Agent;

internal sealed class AgentStreamEventConverter() : TypeKeyedUnionConverter<AgentStreamEvent>(
    "a stream event",
    // The most frequent first: a streamed answer is mostly text deltas.
    Known<AgentOutputTextDeltaEvent>(AgentOutputTextDeltaEvent.WireType),
    Known<AgentOutputItemAddedEvent>(AgentOutputItemAddedEvent.WireType),
    Known<AgentOutputItemDoneEvent>(AgentOutputItemDoneEvent.WireType),
    Known<AgentOutputTextDoneEvent>(AgentOutputTextDoneEvent.WireType),
    Known<AgentResponseCreatedEvent>(AgentResponseCreatedEvent.WireType),
    Known<AgentResponseInProgressEvent>(AgentResponseInProgressEvent.WireType),
    Known<AgentResponseCompletedEvent>(AgentResponseCompletedEvent.WireType),
    Known<AgentResponseIncompleteEvent>(AgentResponseIncompleteEvent.WireType),
    Known<AgentResponseFailedEvent>(AgentResponseFailedEvent.WireType),
    Known<AgentResponseCancelledEvent>(AgentResponseCancelledEvent.WireType),
    Known<AgentReasoningStartedEvent>(AgentReasoningStartedEvent.WireType),
    Known<AgentReasoningStoppedEvent>(AgentReasoningStoppedEvent.WireType),
    Known<AgentReasoningSearchQueriesEvent>(AgentReasoningSearchQueriesEvent.WireType),
    Known<AgentReasoningSearchResultsEvent>(AgentReasoningSearchResultsEvent.WireType),
    Known<AgentReasoningImageSearchQueriesEvent>(AgentReasoningImageSearchQueriesEvent.WireType),
    Known<AgentReasoningImageSearchResultsEvent>(AgentReasoningImageSearchResultsEvent.WireType),
    Known<AgentReasoningFetchUrlQueriesEvent>(AgentReasoningFetchUrlQueriesEvent.WireType),
    Known<AgentReasoningFetchUrlResultsEvent>(AgentReasoningFetchUrlResultsEvent.WireType),
    Known<AgentSkillLoadedEvent>(AgentSkillLoadedEvent.WireType),
    Known<AgentErrorEvent>(AgentErrorEvent.WireType))
{
    protected override AgentStreamEvent CreateUnknown(JsonElement json) => new AgentUnknownStreamEvent(json);

    protected override bool TryGetRawJson(AgentStreamEvent value, out JsonElement json)
    {
        json = value is AgentUnknownStreamEvent unknown ? unknown.Json : default;
        return value is AgentUnknownStreamEvent;
    }
}
