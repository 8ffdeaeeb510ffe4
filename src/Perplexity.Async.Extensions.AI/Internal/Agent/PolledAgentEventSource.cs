using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Perplexity.Async.Internal.Agent;

/// <summary>
/// An <see cref="IAgentEventSource"/> on polling: <see cref="AgentClient.CreateAsync(AgentRequest, CancellationToken)"/>
/// and <see cref="AgentClient.WatchAsync(string, PollingOptions?, CancellationToken)"/> (the wait engine), with the events
/// made up from each state seen: the snapshot event of its status, the searches it has gathered since the last one,
/// the text added to <see cref="AgentResponse.OutputText"/> since then as one delta, and at the end the function calls
/// and the terminal event with the final response.
/// </summary>
/// <remarks>
/// The sequence number of a made-up event is the length of the answer text delivered up to and including it, so a
/// stream resumed from a continuation token repeats no text (status updates and sources may repeat: they carry no
/// text). It is no server sequence number: a token from this source is resumed by this source.
/// </remarks>
internal sealed class PolledAgentEventSource : IAgentEventSource
{
    private readonly AgentClient _agent;
    private readonly PollingOptions? _polling;

    public PolledAgentEventSource(AgentClient agent, PollingOptions? polling)
    {
        _agent = agent;
        _polling = polling;
    }

    public async IAsyncEnumerable<AgentStreamEvent> StreamAsync(AgentRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var created = await _agent.CreateAsync(request with { Background = true }, cancellationToken).ConfigureAwait(false);
        await foreach (var e in EventsAsync(created.Id, created, 0, cancellationToken).ConfigureAwait(false))
        {
            yield return e;
        }
    }

    public IAsyncEnumerable<AgentStreamEvent> ResumeAsync(string runId, long? startingAfter, CancellationToken cancellationToken) =>
        EventsAsync(runId, seed: null, startingAfter is { } delivered && delivered > 0 ? delivered : 0, cancellationToken);

    private static AgentStreamEvent SnapshotEvent(AgentResponse state, long sequence)
    {
        if (state.Status == AgentResponseStatus.Completed)
        {
            return new AgentResponseCompletedEvent { Response = state, SequenceNumber = sequence };
        }

        if (state.Status == AgentResponseStatus.Incomplete)
        {
            return new AgentResponseIncompleteEvent { Response = state, SequenceNumber = sequence };
        }

        if (state.Status == AgentResponseStatus.Failed)
        {
            return new AgentResponseFailedEvent { Response = state, Error = state.Error, SequenceNumber = sequence };
        }

        if (state.Status == AgentResponseStatus.Cancelled)
        {
            return new AgentResponseCancelledEvent { Response = state, SequenceNumber = sequence };
        }

        return state.Status == AgentResponseStatus.Queued
            ? new AgentResponseCreatedEvent { Response = state, SequenceNumber = sequence }
            : new AgentResponseInProgressEvent { Response = state, SequenceNumber = sequence };
    }

    private async IAsyncEnumerable<AgentStreamEvent> EventsAsync(
        string runId, AgentResponse? seed, long delivered, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var searches = 0;
        var states = seed is null ? _agent.WatchAsync(runId, _polling, cancellationToken) : Prepend(seed, _agent.WatchAsync(runId, _polling, cancellationToken));
        AgentResponseStatus? reported = null;
        await foreach (var state in states.ConfigureAwait(false))
        {
            var terminal = state.Status.IsTerminal || AgentJobKind.Instance.IsTerminal(state);
            if (!terminal && state.Status != reported)
            {
                reported = state.Status;
                yield return SnapshotEvent(state, delivered);
            }

            for (; searches < state.Output.Count; searches++)
            {
                if (state.Output[searches] is AgentSearchResultsOutputItem search)
                {
                    if (search.Queries is { Count: > 0 } queries)
                    {
                        yield return new AgentReasoningSearchQueriesEvent { Queries = queries, SequenceNumber = delivered };
                    }

                    yield return new AgentReasoningSearchResultsEvent { Results = search.Results, SequenceNumber = delivered };
                }
            }

            var text = state.OutputText;
            if (text.Length > delivered)
            {
                var delta = text.Substring((int)delivered);
                delivered = text.Length;
                yield return new AgentOutputTextDeltaEvent
                {
                    ItemId = MessageIdOf(state) ?? string.Empty,
                    OutputIndex = MessageIndexOf(state),
                    ContentIndex = 0,
                    Delta = delta,
                    SequenceNumber = delivered,
                };
            }

            if (terminal)
            {
                for (var i = 0; i < state.Output.Count; i++)
                {
                    if (state.Output[i] is AgentFunctionCallOutputItem call)
                    {
                        yield return new AgentOutputItemDoneEvent { OutputIndex = i, Item = call, SequenceNumber = delivered };
                    }
                }

                yield return SnapshotEvent(state, delivered);
                yield break;
            }
        }
    }

    private static async IAsyncEnumerable<AgentResponse> Prepend(AgentResponse first, IAsyncEnumerable<AgentResponse> rest)
    {
        yield return first;
        if (first.Status.IsTerminal)
        {
            yield break;
        }

        await foreach (var state in rest.ConfigureAwait(false))
        {
            yield return state;
        }
    }

    private static string? MessageIdOf(AgentResponse state)
    {
        foreach (var item in state.Output)
        {
            if (item is AgentMessageOutputItem message)
            {
                return message.Id;
            }
        }

        return null;
    }

    private static int MessageIndexOf(AgentResponse state)
    {
        for (var i = 0; i < state.Output.Count; i++)
        {
            if (state.Output[i] is AgentMessageOutputItem)
            {
                return i;
            }
        }

        return 0;
    }
}
