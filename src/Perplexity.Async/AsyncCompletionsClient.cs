using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Perplexity.Async.Internal;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// The operations on one route family of the async API. Get one from <see cref="PerplexityAsyncClient.Sonar"/>
/// or <see cref="PerplexityAsyncClient.ChatCompletions"/>. Thread-safe; every method is virtual for mocking.
/// </summary>
public class AsyncCompletionsClient
{
    private readonly PerplexityTransport _transport;

    internal AsyncCompletionsClient(PerplexityTransport transport, string route)
    {
        _transport = transport;
        Route = route;
    }

    /// <summary>For mocking only: a client whose members are all overridden.</summary>
    protected AsyncCompletionsClient()
    {
        _transport = null!;
        Route = string.Empty;
    }

    /// <summary>The route this client serves, for example <c>v1/async/sonar</c>.</summary>
    public virtual string Route { get; }

    /// <summary>Starts a job: <c>POST {route}</c> with <c>{"request": ..., "idempotency_key": ...}</c>.</summary>
    /// <inheritdoc cref="CreateAsync(ChatCompletionRequest, AsyncRequestOptions?, CancellationToken)"/>
    public virtual Task<AsyncApiChatCompletionsResponse> CreateAsync(ChatCompletionRequest request, CancellationToken cancellationToken) =>
        CreateAsync(request, null, cancellationToken);

    /// <summary>Starts a job: <c>POST {route}</c> with <c>{"request": ..., "idempotency_key": ...}</c>.</summary>
    /// <remarks>
    /// The idempotency key is <see cref="AsyncRequestOptions.IdempotencyKey"/> when set, otherwise a new one for this
    /// call (a GUID). It is the same on every retry of this call, so a create the client retries after a lost answer
    /// never starts a second, paid job.
    /// </remarks>
    /// <param name="request">The chat-completion request the job runs; needs a model and at least one message.</param>
    /// <param name="options">The idempotency key, <c>local_mode</c> and <c>x-…</c> headers to send; none when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new job's envelope, normally with status <c>CREATED</c>; pass its <see cref="AsyncApiChatCompletionsResponse.Id"/> to <c>GetAsync</c> or <c>WaitForCompletionAsync</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The request has no model or no messages, sets <c>Stream</c> to true, repeats a typed property in its additional properties, or a header or the idempotency key in <paramref name="options"/> is invalid.</exception>
    /// <exception cref="PerplexityValidationException">The API refused a parameter (422); <see cref="PerplexityApiException.Details"/> names it.</exception>
    /// <exception cref="PerplexityApiException">The API answered with another error status (a subclass names which).</exception>
    /// <exception cref="PerplexityProtocolException">The API answered with something other than the documented JSON.</exception>
    /// <exception cref="PerplexityConnectionException">The API could not be reached.</exception>
    /// <exception cref="PerplexityTimeoutException">The attempt or request timeout ran out.</exception>
    public virtual Task<AsyncApiChatCompletionsResponse> CreateAsync(
        ChatCompletionRequest request, AsyncRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        CreateRequestValidator.Validate(request, options, nameof(request));
        var body = new AsyncCreateBody
        {
            Request = request,
            IdempotencyKey = options?.IdempotencyKey ?? Guid.NewGuid().ToString("N"),
        };
        var call = new PerplexityRequest(HttpMethod.Post, Route, options: options)
        {
            // Serialized once, so every retry sends the same bytes and the same key.
            Body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(body, PerplexityJsonContext.Default.AsyncCreateBody),
            IsRetrySafe = true,
        };
        return _transport.SendAsync(call, PerplexityJsonContext.Default.AsyncApiChatCompletionsResponse, cancellationToken);
    }

    /// <summary>
    /// Lists every job, in the order the API returns them: <c>GET {route}</c>, following <c>next_token</c> page by
    /// page. The next page is requested only when the items of the previous one have been consumed.
    /// </summary>
    /// <param name="limit">The page size sent as <c>limit</c> (not a total); the API's default when null.</param>
    /// <param name="options">The <c>local_mode</c> query parameter and <c>x-…</c> headers to send with each page; none when null.</param>
    /// <param name="cancellationToken">Cancels the enumeration; <c>WithCancellation</c> works too.</param>
    /// <returns>The jobs, without their completions (get one by id for that).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    /// <exception cref="PerplexityApiException">A page request failed (a subclass names why).</exception>
    /// <exception cref="PerplexityProtocolException">A page was not the documented JSON, or the API sent back the same token.</exception>
    /// <example>
    /// <code>
    /// await foreach (var job in client.Sonar.ListAsync())
    /// {
    ///     Console.WriteLine($"{job.Id} {job.Status} {job.CreatedAt:u}");
    /// }
    /// </code>
    /// </example>
    public virtual IAsyncEnumerable<AsyncChatCompletionSummary> ListAsync(
        int? limit = null, AsyncRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ListQuery.ValidateLimit(limit, nameof(limit));
        return ListPager.EnumerateAsync(this, limit, options, cancellationToken);
    }

    /// <summary>Gets one page of the job list: <c>GET {route}?limit=…&amp;next_token=…</c>.</summary>
    /// <param name="nextToken">The <see cref="AsyncChatCompletionsListResponse.NextToken"/> of the previous page; null (or empty) for the first page. Sent URL-encoded.</param>
    /// <param name="limit">The page size sent as <c>limit</c>; the API's default when null.</param>
    /// <param name="options">The <c>local_mode</c> query parameter and <c>x-…</c> headers to send; none when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page's jobs and the token of the next page (null on the last page).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    /// <exception cref="PerplexityApiException">The API answered with an error status (a subclass names which).</exception>
    /// <exception cref="PerplexityProtocolException">The API answered with something other than the documented JSON.</exception>
    /// <exception cref="PerplexityConnectionException">The API could not be reached.</exception>
    public virtual Task<AsyncChatCompletionsListResponse> ListPageAsync(
        string? nextToken = null, int? limit = null, AsyncRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ListQuery.ValidateLimit(limit, nameof(limit));
        var call = new PerplexityRequest(HttpMethod.Get, Route, options: options) { Query = ListQuery.Build(nextToken, limit) };
        return _transport.SendAsync(call, PerplexityJsonContext.Default.AsyncChatCompletionsListResponse, cancellationToken);
    }

    /// <summary>Gets a job's current state: <c>GET {route}/{requestId}</c>.</summary>
    /// <param name="requestId">The job id returned when it was created.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job's envelope; its <see cref="AsyncApiChatCompletionsResponse.Response"/> is set once completed.</returns>
    /// <exception cref="ArgumentException"><paramref name="requestId"/> is null, empty, whitespace, a dot segment or too long.</exception>
    /// <exception cref="PerplexityApiException">The API answered with an error status (a subclass names which).</exception>
    /// <exception cref="PerplexityProtocolException">The API answered with something other than the documented JSON.</exception>
    /// <exception cref="PerplexityConnectionException">The API could not be reached.</exception>
    public virtual Task<AsyncApiChatCompletionsResponse> GetAsync(string requestId, CancellationToken cancellationToken) =>
        GetAsync(requestId, null, cancellationToken);

    /// <summary>Gets a job's current state: <c>GET {route}/{requestId}</c>.</summary>
    /// <param name="requestId">The job id returned when it was created.</param>
    /// <param name="options">The <c>local_mode</c> query parameter and <c>x-…</c> headers to send; none when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job's envelope; its <see cref="AsyncApiChatCompletionsResponse.Response"/> is set once completed.</returns>
    /// <exception cref="ArgumentException"><paramref name="requestId"/> is null, empty, whitespace, a dot segment or too long, or a header in <paramref name="options"/> is invalid.</exception>
    /// <exception cref="PerplexityApiException">The API answered with an error status (a subclass names which).</exception>
    /// <exception cref="PerplexityProtocolException">The API answered with something other than the documented JSON.</exception>
    /// <exception cref="PerplexityConnectionException">The API could not be reached.</exception>
    public virtual Task<AsyncApiChatCompletionsResponse> GetAsync(
        string requestId, AsyncRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = new PerplexityRequest(HttpMethod.Get, Route, requestId, options);
        return _transport.SendAsync(request, PerplexityJsonContext.Default.AsyncApiChatCompletionsResponse, cancellationToken);
    }
}
