using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Perplexity.Async.Internal.Agent;

/// <summary>
/// The chat client on the Agent API (<see cref="AgentClient"/>): a call is a background run, waited for on the wait
/// engine, or returned at once with a continuation token when background responses are allowed; streaming runs on an
/// <see cref="IAgentEventSource"/> (the SDK's resumable server-sent event stream).
/// </summary>
internal sealed class AgentChatRoute : IChatRoute
{
    private readonly AgentClient _agent;
    private readonly IChatClient _owner;
    private readonly string _defaultModelId;
    private readonly PollingOptions? _polling;
    private readonly IAgentEventSource _events;

    public AgentChatRoute(AgentClient agent, IChatClient owner, string defaultModelId, PollingOptions? polling, IAgentEventSource? events = null)
    {
        _agent = agent;
        _owner = owner;
        _defaultModelId = defaultModelId;
        _polling = polling;
        _events = events ?? new StreamedAgentEventSource(agent, polling);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        if (options?.ContinuationToken is { } continuation)
        {
            var token = ReadToken(messages, continuation);
            var state = await _agent.GetAsync(token.RunId, cancellationToken).ConfigureAwait(false);
            return Resolve(state, token.SequenceNumber);
        }

        var request = AgentRequestMapper.Build(messages, options, _defaultModelId, _owner);
        if (options?.AllowBackgroundResponses == true)
        {
            var created = await _agent.CreateAsync(request, cancellationToken).ConfigureAwait(false);
            return Resolve(created, sequenceNumber: null);
        }

        var done = await _agent.RunAsync(request, _polling, null, cancellationToken).ConfigureAwait(false);
        return AgentResponseMapper.ToChatResponse(done);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AIChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        if (options?.ContinuationToken is { } continuation)
        {
            var token = ReadToken(messages, continuation);
            return MapAsync(_events.ResumeAsync(token.RunId, token.SequenceNumber, cancellationToken), token.RunId, token.TextLength, options, cancellationToken);
        }

        var request = AgentRequestMapper.Build(messages, options, _defaultModelId, _owner);
        return MapAsync(_events.StreamAsync(request, cancellationToken), runId: null, deliveredText: 0, options, cancellationToken);
    }

    public object? GetService(Type serviceType) => serviceType.IsInstanceOfType(_agent) ? _agent : null;

    private static AgentRunContinuationToken ReadToken(IEnumerable<AIChatMessage> messages, ResponseContinuationToken continuation)
    {
        var token = AgentRunContinuationToken.From(continuation, "options");
        if (messages.Any())
        {
            throw new InvalidOperationException(
                "Messages cannot be passed with ChatOptions.ContinuationToken: the token continues run '"
                + token.RunId + "', whose input is fixed. Pass no messages, or leave the token out to start a new run.");
        }

        return token;
    }

    private ChatResponse Resolve(AgentResponse state, long? sequenceNumber)
    {
        if (AgentJobKind.Instance.IsFailure(state))
        {
            throw AgentJobKind.Instance.CreateFailure(state, _agent.Waits.Redactor);
        }

        return AgentJobKind.Instance.IsTerminal(state)
            ? AgentResponseMapper.ToChatResponse(state)
            : AgentResponseMapper.ToPendingResponse(state, new AgentRunContinuationToken(state.Id, sequenceNumber));
    }

    private async IAsyncEnumerable<ChatResponseUpdate> MapAsync(
        IAsyncEnumerable<AgentStreamEvent> events, string? runId, long deliveredText, ChatOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var mapper = new AgentUpdateMapper(runId, options?.AllowBackgroundResponses == true, deliveredText);
        await foreach (var e in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            switch (e)
            {
                case AgentResponseFailedEvent or AgentResponseCancelledEvent:
                    throw await FailureOfAsync((AgentResponseSnapshotEvent)e, mapper.RunId, cancellationToken).ConfigureAwait(false);
                case AgentErrorEvent error:
                    throw new PerplexityProtocolException(
                        $"The stream of run '{_agent.Waits.Redactor.Redact(mapper.RunId ?? "(unknown)")}' ended with an error event: {_agent.Waits.Redactor.Redact(error.ErrorMessage ?? "no message")}.")
                    {
                        JobId = mapper.RunId,
                    };
            }

            if (mapper.Map(e) is { } update)
            {
                yield return update;
            }

            if (e.IsTerminal)
            {
                yield break;
            }
        }

        throw new PerplexityProtocolException(
            $"The stream of run '{_agent.Waits.Redactor.Redact(mapper.RunId ?? "(unknown)")}' ended before the run finished.")
        {
            JobId = mapper.RunId,
        };
    }

    // A failed or cancelled run throws as a wait does; a failed event without its snapshot is completed by a read.
    private async Task<Exception> FailureOfAsync(AgentResponseSnapshotEvent e, string? runId, CancellationToken cancellationToken)
    {
        var state = e.Response;
        if (state is null && runId is not null)
        {
            state = await _agent.GetAsync(runId, cancellationToken).ConfigureAwait(false);
        }

        if (state is null)
        {
            return new PerplexityProtocolException($"A stream reported the event '{e.Type}' for a run whose id it never named.");
        }

        if (e is AgentResponseFailedEvent { Error: { } error } && state.Error is null)
        {
            state = state with { Error = error };
        }

        return AgentJobKind.Instance.IsFailure(state)
            ? AgentJobKind.Instance.CreateFailure(state, _agent.Waits.Redactor)
            : AgentJobKind.Instance.CreateFailure(state with { Status = e is AgentResponseCancelledEvent ? AgentResponseStatus.Cancelled : AgentResponseStatus.Failed }, _agent.Waits.Redactor);
    }
}
