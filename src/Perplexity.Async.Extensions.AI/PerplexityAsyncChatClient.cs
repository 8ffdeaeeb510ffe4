using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Perplexity.Async.Internal;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Perplexity.Async;

/// <summary>
/// Perplexity's asynchronous chat completions (Sonar, deep research) as a Microsoft.Extensions.AI
/// <see cref="IChatClient"/>: each call creates a job, waits for it with the SDK's poller, and returns the answer with
/// its citations, usage and cost. Create one with <see cref="PerplexityAsyncChatClientExtensions.AsIChatClient(PerplexityAsyncClient, PerplexityAsyncChatClientOptions?)"/>.
/// </summary>
/// <remarks>
/// <para>
/// <b>The asynchronous API does not stream tokens.</b> <see cref="GetStreamingResponseAsync"/> yields one update
/// without content per status the job goes through (<c>CREATED</c>, <c>IN_PROGRESS</c>: the status is in
/// <see cref="ChatResponseUpdate.AdditionalProperties"/> under <see cref="PerplexityChatResponseProperties.Status"/>),
/// so a UI can show progress, and then the whole answer in one final update.
/// </para>
/// <para>
/// Requests: <see cref="ChatOptions.ModelId"/>, <see cref="ChatOptions.MaxOutputTokens"/>,
/// <see cref="ChatOptions.Temperature"/>, <see cref="ChatOptions.TopP"/>, <see cref="ChatOptions.TopK"/>, the
/// penalties, <see cref="ChatOptions.StopSequences"/>, <see cref="ChatOptions.ResponseFormat"/> (a JSON schema becomes
/// <c>response_format: json_schema</c>), <see cref="ChatOptions.Reasoning"/> (its effort becomes
/// <c>reasoning_effort</c>), <see cref="ChatOptions.Instructions"/> (a leading system message) and function tools are
/// mapped; every entry of <see cref="ChatOptions.AdditionalProperties"/> is sent as a request parameter of that
/// name, bound to the SDK's typed property when there is one (<c>"search_mode"</c>, <c>"search_domain_filter"</c>,
/// <c>"web_search_options"</c>, …; strings, SDK values and JSON all work), and a
/// <see cref="ChatOptions.RawRepresentationFactory"/> may return a <see cref="ChatCompletionRequest"/> whose settings
/// win over the rest. Text, images (URL or bytes), videos and other files (as <c>file_url</c>) are sent as message content.
/// </para>
/// <para>
/// Responses: the job id is <see cref="ChatResponse.ResponseId"/>; the answer is a <see cref="TextContent"/> whose
/// <see cref="AIContent.Annotations"/> are a <see cref="CitationAnnotation"/> per citation (spanning its <c>[n]</c>
/// markers) and per other search result; a <c>&lt;think&gt;</c> block and the legacy route's reasoning steps become
/// <see cref="TextReasoningContent"/>; usage maps to <see cref="UsageDetails"/>; cost, related questions, images and
/// search results are in <see cref="ChatResponse.AdditionalProperties"/> under the
/// <see cref="PerplexityChatResponseProperties"/> keys; the envelope is the <see cref="ChatResponse.RawRepresentation"/>.
/// </para>
/// <para>
/// Background responses: with <see cref="ChatOptions.AllowBackgroundResponses"/> set, <see cref="GetResponseAsync"/>
/// returns as soon as the job is created, with a <see cref="ChatResponse.ContinuationToken"/>; pass it back in
/// <see cref="ChatOptions.ContinuationToken"/> to check on the job (one request each time) or to stream it.
/// </para>
/// <para>
/// Errors are the SDK's: a job that ends <c>FAILED</c> throws <see cref="PerplexityJobFailedException"/>, a polling
/// timeout <see cref="PerplexityTimeoutException"/>, HTTP errors their <see cref="PerplexityApiException"/> subclass;
/// cancellation throws <see cref="OperationCanceledException"/> (the job keeps running on the server: the API has no
/// cancel endpoint). Thread-safe. Disposing it does not dispose the <see cref="PerplexityAsyncClient"/>.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// IChatClient chat = new PerplexityAsyncClient(apiKey).AsIChatClient();
/// ChatResponse response = await chat.GetResponseAsync("What changed in .NET 10?");
/// Console.WriteLine(response.Text);
/// </code>
/// </example>
public sealed class PerplexityAsyncChatClient : IChatClient
{
    private readonly PerplexityAsyncClient _client;
    private readonly AsyncCompletionsClient _completions;
    private readonly string _defaultModelId;
    private readonly PollingOptions? _polling;
    private readonly AsyncCreateOptions? _createOptions;
    private readonly ChatClientMetadata _metadata;

    /// <summary>Creates a chat client over <paramref name="client"/>.</summary>
    /// <param name="client">The Perplexity client to send with; the chat client borrows it and never disposes it.</param>
    /// <param name="options">The default model, route, polling and create options; the defaults when null. Read once.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    /// <exception cref="ArgumentException"><see cref="PerplexityAsyncChatClientOptions.DefaultModelId"/> is empty or
    /// whitespace.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="PerplexityAsyncChatClientOptions.Route"/> is not a <see cref="PerplexityChatRoute"/> value.</exception>
    public PerplexityAsyncChatClient(PerplexityAsyncClient client, PerplexityAsyncChatClientOptions? options = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        options ??= new PerplexityAsyncChatClientOptions();
        if (string.IsNullOrWhiteSpace(options.DefaultModelId))
        {
            throw new ArgumentException(
                $"{nameof(PerplexityAsyncChatClientOptions)}.{nameof(PerplexityAsyncChatClientOptions.DefaultModelId)} is required; it is null, empty or whitespace.",
                nameof(options));
        }

        _completions = options.Route switch
        {
            PerplexityChatRoute.Sonar => client.Sonar,
            PerplexityChatRoute.ChatCompletions => client.ChatCompletions,
            _ => throw new ArgumentOutOfRangeException(
                nameof(options),
                options.Route,
                $"{nameof(PerplexityAsyncChatClientOptions)}.{nameof(PerplexityAsyncChatClientOptions.Route)} is not a {nameof(PerplexityChatRoute)} value."),
        };

        _defaultModelId = options.DefaultModelId;
        _polling = options.Polling;
        _createOptions = options.RequestOptions is null ? null : new AsyncCreateOptions { RequestOptions = options.RequestOptions };
        _metadata = new ChatClientMetadata(ChatClientDefaults.ProviderName, client.BaseAddress, _defaultModelId);
    }

    /// <summary>
    /// Creates a job from <paramref name="messages"/> and <paramref name="options"/>, waits until it is completed and
    /// returns its answer. With <see cref="ChatOptions.AllowBackgroundResponses"/>, returns once the job is created;
    /// with <see cref="ChatOptions.ContinuationToken"/>, checks that job once instead of creating one.
    /// </summary>
    /// <param name="messages">The conversation, oldest first (ignored when continuing a job).</param>
    /// <param name="options">The call's options; see the class remarks for what is mapped.</param>
    /// <param name="cancellationToken">Stops the call, also while waiting. The job keeps running on the server.</param>
    /// <returns>
    /// The answer; or, for a background job still running, a response without messages whose
    /// <see cref="ChatResponse.ContinuationToken"/> is set.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="messages"/> is null.</exception>
    /// <exception cref="ArgumentException">There are no messages, an additional property has a value its parameter cannot take, or the continuation token is not one of this client's.</exception>
    /// <exception cref="PerplexityJobFailedException">The job ended with status <c>FAILED</c>.</exception>
    /// <exception cref="PerplexityTimeoutException">The polling timeout ran out.</exception>
    /// <exception cref="PerplexityApiException">The API answered with an error status (a subclass names which).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (messages is null)
        {
            throw new ArgumentNullException(nameof(messages));
        }

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

    /// <summary>
    /// Creates a job and reports it: one update without content per status it goes through, then the whole answer
    /// in a final update. <b>The asynchronous API does not stream tokens</b>: the text arrives at once, at the end.
    /// </summary>
    /// <remarks>
    /// A status update has <see cref="ChatResponseUpdate.Role"/> assistant, the job id as
    /// <see cref="ChatResponseUpdate.ResponseId"/>, the status (<c>CREATED</c>, <c>IN_PROGRESS</c>) under
    /// <see cref="PerplexityChatResponseProperties.Status"/> in its additional properties and the envelope as its raw
    /// representation; with <see cref="ChatOptions.AllowBackgroundResponses"/> it also carries a continuation token,
    /// which a later call passes in <see cref="ChatOptions.ContinuationToken"/> to resume watching the same job.
    /// The final update carries the answer, its usage (as <see cref="UsageContent"/>), finish reason and the
    /// Perplexity extras; <c>ToChatResponseAsync()</c> on the updates gives the same answer as
    /// <see cref="GetResponseAsync"/>.
    /// </remarks>
    /// <param name="messages">The conversation, oldest first (ignored when continuing a job).</param>
    /// <param name="options">The call's options; see the class remarks for what is mapped.</param>
    /// <param name="cancellationToken">Stops the updates, also while waiting. The job keeps running on the server.</param>
    /// <returns>The status updates and the final answer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="messages"/> is null.</exception>
    /// <exception cref="PerplexityJobFailedException">The job ended with status <c>FAILED</c> (thrown from the enumeration).</exception>
    /// <exception cref="PerplexityTimeoutException">The polling timeout ran out (thrown from the enumeration).</exception>
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (messages is null)
        {
            throw new ArgumentNullException(nameof(messages));
        }

        return StreamAsync(messages, options, cancellationToken);
    }

    /// <summary>
    /// Returns this client, its <see cref="ChatClientMetadata"/> (provider <c>perplexity</c>, the client's base
    /// address, the default model), the <see cref="PerplexityAsyncClient"/> it sends with, or the
    /// <see cref="AsyncCompletionsClient"/> of its route; null for anything else or any key.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="serviceType"/> is null.</exception>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        if (serviceType is null)
        {
            throw new ArgumentNullException(nameof(serviceType));
        }

        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return _metadata;
        }

        if (serviceType.IsInstanceOfType(this))
        {
            return this;
        }

        if (serviceType.IsInstanceOfType(_client))
        {
            return _client;
        }

        return serviceType.IsInstanceOfType(_completions) ? _completions : null;
    }

    /// <summary>Does nothing: the <see cref="PerplexityAsyncClient"/> belongs to whoever created it.</summary>
    public void Dispose()
    {
    }

    private static bool IncludesReasoning(ChatOptions? options) => options?.Reasoning?.Output != ReasoningOutput.None;

    private ChatResponse Resolve(AsyncApiChatCompletionsResponse state, ResponseContinuationToken token, ChatOptions? options)
    {
        if (_completions.Kind.IsFailure(state))
        {
            throw _completions.Kind.CreateFailure(state, _completions.Waits.Redactor);
        }

        return state.Status == AsyncProcessingStatus.Completed && state.Response is not null
            ? ResponseMapper.ToChatResponse(state, IncludesReasoning(options))
            : ResponseMapper.ToPendingResponse(state, token);
    }

    private Task<AsyncApiChatCompletionsResponse> CreateAsync(
        IEnumerable<AIChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        var request = RequestBuilder.Build(messages, options, _defaultModelId, this);
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
            if (!created.Status.IsTerminal)
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

            if (state.Status == AsyncProcessingStatus.Completed)
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
