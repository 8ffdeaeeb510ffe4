using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Perplexity.Async.Internal;

/// <summary>
/// The chat client on the legacy async chat-completions routes (<c>/v1/async/sonar</c>, <c>/async/chat/completions</c>):
/// a call creates a job and waits for it; streaming reports the job's statuses and then the whole answer.
/// </summary>
internal sealed class LegacyChatRoute : IChatRoute
{
    private readonly AsyncCompletionsClient _completions;
    private readonly IChatClient _owner;
    private readonly string _defaultModelId;
    private readonly PollingOptions? _polling;
    private readonly AsyncCreateOptions? _createOptions;

    public LegacyChatRoute(AsyncCompletionsClient completions, IChatClient owner, string defaultModelId, PollingOptions? polling, AsyncRequestOptions? requestOptions)
    {
        _completions = completions;
        _owner = owner;
        _defaultModelId = defaultModelId;
        _polling = polling;
        _createOptions = requestOptions is null ? null : new AsyncCreateOptions { RequestOptions = requestOptions };
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        if (options?.ContinuationToken is { } token)
        {
            var jobId = JobContinuationToken.ReadJobId(token, nameof(options));
            var state = await _completions.GetAsync(jobId, _polling?.RequestOptions, cancellationToken).ConfigureAwait(false);
            return Resolve(state, token, options);
        }

        var created = await CreateAsync(messages, options, cancellationToken).ConfigureAwait(false);
        if (options?.AllowBackgroundResponses == true)
        {
            return Resolve(created, JobContinuationToken.Create(created.Id), options);
        }

        var done = await _completions.WaitForCompletionAsync(created.Id, _polling, null, cancellationToken).ConfigureAwait(false);
        return ResponseMapper.ToChatResponse(done, IncludesReasoning(options));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AIChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken) =>
        StreamAsync(messages, options, cancellationToken);

    public object? GetService(Type serviceType) => serviceType.IsInstanceOfType(_completions) ? _completions : null;

    /// <summary>Terminal, not failed, with its result: the job kind decides, the one rule every wait of the SDK uses.</summary>
    private bool IsDone(AsyncApiChatCompletionsResponse state) =>
        _completions.Kind.IsTerminal(state) && !_completions.Kind.IsFailure(state) && !_completions.Kind.LacksResult(state);

    private static bool IncludesReasoning(ChatOptions? options) => options?.Reasoning?.Output != ReasoningOutput.None;

    private ChatResponse Resolve(AsyncApiChatCompletionsResponse state, ResponseContinuationToken token, ChatOptions? options)
    {
        if (_completions.Kind.IsFailure(state))
        {
            throw _completions.Kind.CreateFailure(state, _completions.Waits.Redactor);
        }

        // The job kind's rule, as in every wait: a completed job whose response is not stored yet is still pending.
        return IsDone(state)
            ? ResponseMapper.ToChatResponse(state, IncludesReasoning(options))
            : ResponseMapper.ToPendingResponse(state, token);
    }

    private Task<AsyncApiChatCompletionsResponse> CreateAsync(
        IEnumerable<AIChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        var request = RequestBuilder.Build(messages, options, _defaultModelId, _owner);
        if (request.Messages.Count == 0)
        {
            throw new ArgumentException("At least one message is required.", nameof(messages));
        }

        return _completions.CreateAsync(request, _createOptions, cancellationToken);
    }

    private async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(
        IEnumerable<AIChatMessage> messages, ChatOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var background = options?.AllowBackgroundResponses == true;
        AsyncProcessingStatus? reported = null;
        string jobId;
        if (options?.ContinuationToken is { } token)
        {
            jobId = JobContinuationToken.ReadJobId(token, nameof(options));
        }
        else
        {
            var created = await CreateAsync(messages, options, cancellationToken).ConfigureAwait(false);
            jobId = created.Id;
            if (!_completions.Kind.IsTerminal(created))
            {
                reported = created.Status;
                yield return ResponseMapper.ToStatusUpdate(created, background ? JobContinuationToken.Create(jobId) : null);
            }
        }

        await foreach (var state in _completions.WatchAsync(jobId, _polling, cancellationToken).ConfigureAwait(false))
        {
            if (_completions.Kind.IsFailure(state))
            {
                throw _completions.Kind.CreateFailure(state, _completions.Waits.Redactor);
            }

            if (IsDone(state))
            {
                yield return ResponseMapper.ToFinalUpdate(state, IncludesReasoning(options));
                yield break;
            }

            if (state.Status != reported)
            {
                reported = state.Status;
                yield return ResponseMapper.ToStatusUpdate(state, background ? JobContinuationToken.Create(jobId) : null);
            }
        }

        throw new PerplexityProtocolException($"Watching job '{jobId}' ended before the job was completed or failed.");
    }
}
