using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Perplexity.Async.Internal;
using Perplexity.Async.Internal.Agent;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Perplexity.Async;

/// <summary>
/// Perplexity's long-running research as a Microsoft.Extensions.AI <see cref="IChatClient"/>, on the Agent API by
/// default: each call is a background run, waited for with the SDK's wait engine, and returns the answer with its
/// citations, usage and cost. Create one with <see cref="PerplexityAsyncChatClientExtensions.AsIChatClient(PerplexityAsyncClient, PerplexityAsyncChatClientOptions?)"/>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Agent route</b> (<see cref="PerplexityChatRoute.Agent"/>, the default). Requests: <see cref="ChatOptions.ModelId"/>
/// is the <c>model</c> when it has a <c>/</c> (<c>openai/gpt-5.2</c>) and otherwise the <c>preset</c> (<c>fast</c>,
/// <c>low</c>, <c>medium</c>, <c>high</c>, <c>xhigh</c>; the retired Sonar names become their closest preset:
/// <c>sonar</c> → <c>fast</c>, <c>sonar-pro</c> and <c>sonar-reasoning(-pro)</c> → <c>low</c>,
/// <c>sonar-deep-research</c> → <c>medium</c>). <see cref="ChatOptions.Instructions"/> and the system messages become
/// <c>instructions</c> (which <em>replace</em> a preset's prompt); <see cref="ChatOptions.Temperature"/>,
/// <see cref="ChatOptions.TopP"/>, <see cref="ChatOptions.MaxOutputTokens"/>, <see cref="ChatOptions.Reasoning"/> (its
/// effort), <see cref="ChatOptions.ConversationId"/> (as <c>previous_response_id</c>), <see cref="ChatOptions.ResponseFormat"/>
/// (JSON becomes <c>response_format: json_schema</c>), functions (<c>function</c> tools), <see cref="HostedWebSearchTool"/>
/// (<c>web_search</c>) and <see cref="ChatOptions.ToolMode"/> (<c>tool_choice</c>: auto, none, required, or one function)
/// are mapped. User text, images (<c>input_image</c>) and other files (<c>input_file</c>), assistant text, function calls
/// and their results (<c>function_call</c>, <c>function_call_output</c>) become input items, so
/// <c>UseFunctionInvocation()</c> works. Every entry of <see cref="ChatOptions.AdditionalProperties"/> is sent as the
/// request field of that name, bound to the SDK's typed property when there is one: <c>"max_steps"</c>,
/// <c>"language_preference"</c>, <c>"models"</c>, <c>"preset"</c>, <c>"tools"</c> (built-in tools with their settings,
/// sent before the functions), <c>"store"</c>, <c>"skills"</c>, <c>"profile"</c>, <c>"max_tool_calls"</c>, … (SDK values
/// and JSON both work; <c>"input"</c>, <c>"background"</c> and <c>"stream"</c> are refused: the client sets them); a name
/// the SDK does not model is sent as is (the API refuses unknown fields with 400). A
/// <see cref="ChatOptions.RawRepresentationFactory"/> may return an <see cref="AgentRequest"/> whose settings win over the
/// rest (its input items come before the messages).
/// </para>
/// <para>
/// Responses: the run id is <see cref="ChatResponse.ResponseId"/>; the answer is a <see cref="TextContent"/> whose
/// <see cref="AIContent.Annotations"/> hold a <see cref="CitationAnnotation"/> per search result (and per
/// <c>url_citation</c> of the message); function calls are <see cref="FunctionCallContent"/>; usage (with reasoning and
/// cached tokens) maps to <see cref="UsageDetails"/>; the status, cost (<see cref="AgentCost"/>) and search results are in
/// <see cref="ChatResponse.AdditionalProperties"/> under the <see cref="PerplexityChatResponseProperties"/> keys; the
/// <see cref="AgentResponse"/> is the <see cref="ChatResponse.RawRepresentation"/>. An <c>incomplete</c> run is returned
/// with <see cref="ChatFinishReason.Length"/>.
/// </para>
/// <para>
/// Background responses: with <see cref="ChatOptions.AllowBackgroundResponses"/>, <see cref="GetResponseAsync"/> returns
/// as soon as the run is created, with a <see cref="ChatResponse.ContinuationToken"/> (the run id; it serializes with
/// <see cref="ResponseContinuationToken.ToBytes"/>); pass it back in <see cref="ChatOptions.ContinuationToken"/>, with no
/// messages, to read the run once (the token is null once the run has finished), or to
/// <see cref="GetStreamingResponseAsync"/> to resume streaming it. Without it, <see cref="GetResponseAsync"/> waits for
/// the end, and cancelling the call cancels the run (<see cref="PerplexityAsyncClientOptions.CancelAbandonedRuns"/>).
/// </para>
/// <para>
/// Streaming: <see cref="GetStreamingResponseAsync"/> yields a status update per status (under
/// <see cref="PerplexityChatResponseProperties.Status"/>), the searches as reasoning content and their results as
/// citation annotations, the answer as text deltas, function calls, and last the usage (as <see cref="UsageContent"/>),
/// finish reason and cost. It reads the run's server-sent events (<see cref="AgentClient.StreamAsync(AgentRequest, AgentStreamingOptions?, CancellationToken)"/>),
/// which resume by themselves after a dropped connection; with background responses allowed, each update but the last
/// carries a continuation token (the run id and the last event's sequence number) from which a later call resumes.
/// Cancelling the call's token cancels the run (<see cref="PerplexityAsyncClientOptions.CancelAbandonedRuns"/>); to
/// leave a background run going and resume it later, stop reading instead.
/// </para>
/// <para>
/// Errors are the SDK's: a run that ends <c>failed</c> throws <see cref="PerplexityRunFailedException"/>, a cancelled one
/// <see cref="PerplexityRunCancelledException"/> (both carry the run id and the response), a polling timeout
/// <see cref="PerplexityTimeoutException"/>, HTTP errors their <see cref="PerplexityApiException"/> subclass;
/// cancellation throws an <see cref="OperationCanceledException"/>.
/// </para>
/// <para>
/// <b>Legacy routes</b> (<see cref="PerplexityChatRoute.Sonar"/>, <see cref="PerplexityChatRoute.ChatCompletions"/>),
/// which Perplexity retired on 2026-09-27 (it answers them with 403 <see cref="PerplexityEndpointRetiredException"/>):
/// kept for deployments and recordings that still speak them. Their streams are statuses and then the whole answer;
/// every entry of <see cref="ChatOptions.AdditionalProperties"/> is a chat-completions parameter
/// (<c>"search_mode"</c>, <c>"web_search_options"</c>, …), a <see cref="ChatOptions.RawRepresentationFactory"/> may
/// return a <see cref="ChatCompletionRequest"/>, a job that ends <c>FAILED</c> throws
/// <see cref="PerplexityJobFailedException"/>, and the extras include images and related questions.
/// </para>
/// <para>Thread-safe. Disposing it does not dispose the <see cref="PerplexityAsyncClient"/>.</para>
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
    private readonly IChatRoute _route;
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
        if (options.DefaultModelId is not null && string.IsNullOrWhiteSpace(options.DefaultModelId))
        {
            throw new ArgumentException(
                $"{nameof(PerplexityAsyncChatClientOptions)}.{nameof(PerplexityAsyncChatClientOptions.DefaultModelId)} is empty or whitespace; leave it null for the route's default.",
                nameof(options));
        }

        string defaultModelId;
        switch (options.Route)
        {
            case PerplexityChatRoute.Agent:
                defaultModelId = options.DefaultModelId ?? ChatClientDefaults.AgentModelId;
                _route = new AgentChatRoute(client.Agent, this, defaultModelId, options.Polling);
                break;
            case PerplexityChatRoute.Sonar:
            case PerplexityChatRoute.ChatCompletions:
                defaultModelId = options.DefaultModelId ?? ChatClientDefaults.ModelId;
                var completions = options.Route == PerplexityChatRoute.Sonar ? client.Sonar : client.ChatCompletions;
                _route = new LegacyChatRoute(completions, this, defaultModelId, options.Polling, options.RequestOptions);
                break;
            default:
                throw new ArgumentOutOfRangeException(
                    nameof(options),
                    options.Route,
                    $"{nameof(PerplexityAsyncChatClientOptions)}.{nameof(PerplexityAsyncChatClientOptions.Route)} is not a {nameof(PerplexityChatRoute)} value.");
        }

        _metadata = new ChatClientMetadata(ChatClientDefaults.ProviderName, client.BaseAddress, defaultModelId);
    }

    /// <summary>
    /// Runs <paramref name="messages"/> with <paramref name="options"/>, waits until the run is finished and returns its
    /// answer. With <see cref="ChatOptions.AllowBackgroundResponses"/>, returns once the run is created; with
    /// <see cref="ChatOptions.ContinuationToken"/>, reads that run once instead of starting one.
    /// </summary>
    /// <param name="messages">The conversation, oldest first; none when continuing a run.</param>
    /// <param name="options">The call's options; see the class remarks for what is mapped.</param>
    /// <param name="cancellationToken">Stops the call, also while waiting (a run the call waited for is then cancelled).</param>
    /// <returns>
    /// The answer; or, for a background run still going, a response without messages whose
    /// <see cref="ChatResponse.ContinuationToken"/> is set.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="messages"/> is null.</exception>
    /// <exception cref="ArgumentException">There are no messages, an additional property has a value its field cannot
    /// take, or the continuation token is not one of this client's route.</exception>
    /// <exception cref="InvalidOperationException">Messages were passed with a continuation token (Agent route).</exception>
    /// <exception cref="PerplexityRunFailedException">The run failed (Agent route).</exception>
    /// <exception cref="PerplexityRunCancelledException">The run was cancelled (Agent route).</exception>
    /// <exception cref="PerplexityJobFailedException">The job ended with status <c>FAILED</c> (legacy routes).</exception>
    /// <exception cref="PerplexityTimeoutException">The polling timeout ran out.</exception>
    /// <exception cref="PerplexityApiException">The API answered with an error status (a subclass names which).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<ChatResponse> GetResponseAsync(
        IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (messages is null)
        {
            throw new ArgumentNullException(nameof(messages));
        }

        return _route.GetResponseAsync(messages, options, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="messages"/> and reports the run as it goes: statuses, searches, sources, the answer, and last
    /// the usage and cost. With <see cref="ChatOptions.ContinuationToken"/>, resumes reporting the run the token names.
    /// </summary>
    /// <remarks>
    /// <c>ToChatResponseAsync()</c> on the updates gives the same answer as <see cref="GetResponseAsync"/>. With
    /// <see cref="ChatOptions.AllowBackgroundResponses"/>, every update but the last carries a continuation token; a
    /// later call with it (and no messages) continues after that update, repeating no text. On the legacy routes the
    /// updates are the job's statuses and then the whole answer.
    /// </remarks>
    /// <param name="messages">The conversation, oldest first; none when continuing a run.</param>
    /// <param name="options">The call's options; see the class remarks for what is mapped.</param>
    /// <param name="cancellationToken">Stops the updates, also while waiting, and cancels a run this call started (see the class remarks).</param>
    /// <returns>The updates.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="messages"/> is null.</exception>
    /// <exception cref="PerplexityRunFailedException">The run failed (thrown from the enumeration).</exception>
    /// <exception cref="PerplexityRunCancelledException">The run was cancelled (thrown from the enumeration).</exception>
    /// <exception cref="PerplexityJobFailedException">The job ended with status <c>FAILED</c> (legacy routes, thrown from the enumeration).</exception>
    /// <exception cref="PerplexityTimeoutException">The polling timeout ran out (thrown from the enumeration).</exception>
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (messages is null)
        {
            throw new ArgumentNullException(nameof(messages));
        }

        return _route.GetStreamingResponseAsync(messages, options, cancellationToken);
    }

    /// <summary>
    /// Returns this client, its <see cref="ChatClientMetadata"/> (provider <c>perplexity</c>, the client's base
    /// address, the default model), the <see cref="PerplexityAsyncClient"/> it sends with, or the route's client
    /// (<see cref="AgentClient"/>, or the legacy <see cref="AsyncCompletionsClient"/>); null for anything else or any key.
    /// The raw <see cref="AgentResponse"/> of a call is its response's <see cref="ChatResponse.RawRepresentation"/>.
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

        return _route.GetService(serviceType);
    }

    /// <summary>Does nothing: the <see cref="PerplexityAsyncClient"/> belongs to whoever created it.</summary>
    public void Dispose()
    {
    }
}
