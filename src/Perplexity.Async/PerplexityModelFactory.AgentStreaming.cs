namespace Perplexity.Async;

// The Agent API's stream events, for tests of code that consumes a stream: a sequence such as created → text deltas →
// completed, built in a few calls.
public static partial class PerplexityModelFactory
{
    /// <summary>Builds the first event of a stream.</summary>
    /// <param name="response">The snapshot. Defaults to a queued run (<see cref="AgentResponse"/> with its defaults).</param>
    /// <param name="sequenceNumber">Defaults to 0.</param>
    public static AgentResponseCreatedEvent AgentResponseCreatedEvent(AgentResponse? response = null, long sequenceNumber = 0) =>
        new() { Response = response ?? AgentResponse(), SequenceNumber = sequenceNumber };

    /// <summary>Builds a piece of streamed answer text.</summary>
    /// <param name="delta">The new text.</param>
    /// <param name="sequenceNumber">Defaults to 0.</param>
    /// <param name="itemId">The message item's id. Defaults to <c>msg_test</c>.</param>
    /// <param name="outputIndex">The message's position in the output. Defaults to 0.</param>
    /// <param name="contentIndex">The part's position in the message. Defaults to 0.</param>
    public static AgentOutputTextDeltaEvent AgentOutputTextDeltaEvent(
        string delta, long sequenceNumber = 0, string itemId = "msg_test", int outputIndex = 0, int contentIndex = 0) =>
        new() { Delta = delta, SequenceNumber = sequenceNumber, ItemId = itemId, OutputIndex = outputIndex, ContentIndex = contentIndex };

    /// <summary>Builds the terminal event of a completed run.</summary>
    /// <param name="response">The final snapshot. Defaults to a completed run whose answer is <c>Done.</c>.</param>
    /// <param name="sequenceNumber">Defaults to 0.</param>
    public static AgentResponseCompletedEvent AgentResponseCompletedEvent(AgentResponse? response = null, long sequenceNumber = 0) =>
        new() { Response = response ?? AgentResponse(outputText: "Done.", usage: AgentUsage()), SequenceNumber = sequenceNumber };

    /// <summary>Builds the terminal event of a failed run.</summary>
    /// <param name="error">What went wrong. Defaults to <see cref="AgentError"/> with its defaults.</param>
    /// <param name="response">The snapshot, if the event carries one.</param>
    /// <param name="sequenceNumber">Defaults to 0.</param>
    public static AgentResponseFailedEvent AgentResponseFailedEvent(AgentError? error = null, AgentResponse? response = null, long sequenceNumber = 0) =>
        new() { Error = error ?? AgentError(), Response = response, SequenceNumber = sequenceNumber };

    /// <summary>Builds a bare <c>error</c> event (a transport failure), in the nested form.</summary>
    /// <param name="error">What went wrong. Defaults to <see cref="AgentError"/> with its defaults.</param>
    /// <param name="sequenceNumber">Defaults to 0.</param>
    public static AgentErrorEvent AgentErrorEvent(AgentError? error = null, long sequenceNumber = 0) =>
        new() { Error = error ?? AgentError(), SequenceNumber = sequenceNumber };
}
