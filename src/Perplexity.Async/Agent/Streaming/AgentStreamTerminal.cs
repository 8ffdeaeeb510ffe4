namespace Perplexity.Async;

/// <summary>
/// The terminal event a stream ends with when its replay window was over and the run was polled to its end instead:
/// the event of the final status, carrying the final response (and, for a failed run, its error). Its sequence number
/// is one after the last event delivered.
/// </summary>
internal static class AgentStreamTerminal
{
    public static AgentStreamEvent From(AgentResponse final, long? lastSequenceNumber)
    {
        var sequence = (lastSequenceNumber ?? -1) + 1;
        var status = final.Status;
        if (status == AgentResponseStatus.Completed)
        {
            return new AgentResponseCompletedEvent { Response = final, SequenceNumber = sequence };
        }

        if (status == AgentResponseStatus.Incomplete)
        {
            return new AgentResponseIncompleteEvent { Response = final, SequenceNumber = sequence };
        }

        if (status == AgentResponseStatus.Cancelled)
        {
            return new AgentResponseCancelledEvent { Response = final, SequenceNumber = sequence };
        }

        return new AgentResponseFailedEvent { Response = final, Error = final.Error, SequenceNumber = sequence };
    }
}
