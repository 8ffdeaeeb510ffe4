using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Perplexity.Async.Serialization;
using Perplexity.Async.Errors;
using Perplexity.Async.Transport;
using Perplexity.Async.Waiting;

namespace Perplexity.Async;

/// <summary>
/// The operations on one route family of the async API. Get one from <see cref="PerplexityAsyncClient.Sonar"/>
/// or <see cref="PerplexityAsyncClient.ChatCompletions"/>. Thread-safe; every method is virtual for mocking.
/// </summary>
/// <example>
/// <code>
/// AsyncCompletionsClient sonar = client.Sonar;
/// AsyncApiChatCompletionsResponse job = await sonar.CreateAsync(new ChatCompletionRequest
/// {
///     Model = "sonar-deep-research",
///     Messages = [ChatRequestMessage.User("Compare heat pumps and gas boilers.")],
/// }, cancellationToken);
/// AsyncApiChatCompletionsResponse done = await sonar.WaitForCompletionAsync(job.Id, cancellationToken);
/// Console.WriteLine(done.Response!.Text);
/// </code>
/// </example>
public class AsyncCompletionsClient
{
    private readonly PerplexityTransport? _transport;
    private readonly WaitServices _waits;
    private readonly SonarJobKind _kind;

    internal AsyncCompletionsClient(PerplexityTransport transport, string route, WaitServices waits)
    {
        _transport = transport;
        _waits = waits;
        _kind = new SonarJobKind(route);
        Route = route;
    }

    /// <summary>For mocking only: a client whose members are all overridden.</summary>
    /// <remarks>Its waits poll the overridden <c>GetAsync</c> (and <c>ListPageAsync</c>) on the system clock.</remarks>
    protected AsyncCompletionsClient()
    {
        _transport = null;
        _waits = WaitServices.ForMocks;
        _kind = new SonarJobKind(string.Empty);
        Route = string.Empty;
    }

    /// <summary>The route this client serves, for example <c>v1/async/sonar</c>.</summary>
    public virtual string Route { get; }

    /// <summary>Starts a job: <c>POST {route}</c> with <c>{"request": ..., "idempotency_key": ...}</c>.</summary>
    /// <inheritdoc cref="CreateAsync(ChatCompletionRequest, AsyncCreateOptions?, CancellationToken)"/>
    public virtual Task<AsyncApiChatCompletionsResponse> CreateAsync(ChatCompletionRequest request, CancellationToken cancellationToken) =>
        CreateAsync(request, null, cancellationToken);

    /// <summary>Starts a job: <c>POST {route}</c> with <c>{"request": ..., "idempotency_key": ...}</c>.</summary>
    /// <remarks>
    /// The idempotency key is <see cref="AsyncCreateOptions.IdempotencyKey"/> when set, otherwise a new one for this
    /// call (a GUID). It is the same on every retry of this call, so a create the client retries after a lost answer
    /// never starts a second, paid job.
    /// </remarks>
    /// <param name="request">The chat-completion request the job runs; needs a model and at least one message.</param>
    /// <param name="options">The idempotency key, and the <c>local_mode</c> and <c>x-…</c> headers of this request; none when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new job's envelope, normally with status <c>CREATED</c>; pass its <see cref="AsyncApiChatCompletionsResponse.Id"/> to <c>GetAsync</c> or <c>WaitForCompletionAsync</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The request has no model or no messages, sets <c>Stream</c> to true, repeats a typed property in its additional properties, or a header or the idempotency key in <paramref name="options"/> is invalid.</exception>
    /// <exception cref="PerplexityValidationException">The API refused a parameter (422); <see cref="PerplexityApiException.Details"/> names it.</exception>
    /// <exception cref="PerplexityApiException">The API answered with another error status (a subclass names which).</exception>
    /// <exception cref="PerplexityProtocolException">The API answered with something other than the documented JSON.</exception>
    /// <exception cref="PerplexityConnectionException">The API could not be reached.</exception>
    /// <exception cref="PerplexityTimeoutException">The attempt or request timeout ran out.</exception>
    /// <example>
    /// <code>
    /// var job = await client.Sonar.CreateAsync(
    ///     new ChatCompletionRequest
    ///     {
    ///         Model = "sonar-deep-research",
    ///         Messages = [ChatRequestMessage.System("Be precise; cite sources."), ChatRequestMessage.User(question)],
    ///         ReasoningEffort = ReasoningEffort.High,
    ///     },
    ///     // Optional: a key of your own (a queue message id, say) makes a create you repeat yourself start one job.
    ///     new AsyncCreateOptions { IdempotencyKey = messageId },
    ///     cancellationToken);
    /// // job.Status == AsyncProcessingStatus.Created; keep job.Id to get or wait for it later.
    /// </code>
    /// </example>
    public virtual Task<AsyncApiChatCompletionsResponse> CreateAsync(
        ChatCompletionRequest request, AsyncCreateOptions? options = null, CancellationToken cancellationToken = default)
    {
        CreateRequestValidator.Validate(request, options, nameof(request));
        var body = new AsyncCreateBody
        {
            Request = request,
            IdempotencyKey = options?.IdempotencyKey ?? Guid.NewGuid().ToString("N"),
        };
        var call = new PerplexityRequest(HttpMethod.Post, Route, options: options?.RequestOptions)
        {
            // Serialized once, so every retry sends the same bytes and the same key.
            Body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(body, PerplexityJsonContext.Default.AsyncCreateBody),
            IsRetrySafe = true,
        };
        return Transport.SendAsync(call, PerplexityJsonContext.Default.AsyncApiChatCompletionsResponse, cancellationToken);
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
        return FetchListPageAsync(nextToken, limit, options, transportRetries: true, cancellationToken);
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
    /// <example>
    /// <code>
    /// AsyncApiChatCompletionsResponse job = await client.Sonar.GetAsync(requestId, cancellationToken);
    /// if (job.Status == AsyncProcessingStatus.Completed)
    /// {
    ///     Console.WriteLine(job.Response!.Text);
    /// }
    /// else if (job.Status == AsyncProcessingStatus.Failed)
    /// {
    ///     Console.WriteLine(job.ErrorMessage);
    /// }
    /// </code>
    /// </example>
    public virtual Task<AsyncApiChatCompletionsResponse> GetAsync(
        string requestId, AsyncRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        // A null id would otherwise address the route itself, which answers with the job list.
        if (requestId is null)
        {
            throw new ArgumentNullException(nameof(requestId), "A request id is required.");
        }

        return FetchAsync(requestId, options, transportRetries: true, cancellationToken);
    }

    /// <summary>Waits until a job is completed, polling with the client's default <see cref="PollingOptions"/>.</summary>
    /// <inheritdoc cref="WaitForCompletionAsync(string, PollingOptions?, IProgress{AsyncApiChatCompletionsResponse}?, CancellationToken)"/>
    public virtual Task<AsyncApiChatCompletionsResponse> WaitForCompletionAsync(string requestId, CancellationToken cancellationToken) =>
        WaitForCompletionAsync(requestId, null, null, cancellationToken);

    /// <summary>Waits until a job is completed, polling as <paramref name="polling"/> says.</summary>
    /// <inheritdoc cref="WaitForCompletionAsync(string, PollingOptions?, IProgress{AsyncApiChatCompletionsResponse}?, CancellationToken)"/>
    public virtual Task<AsyncApiChatCompletionsResponse> WaitForCompletionAsync(
        string requestId, PollingOptions? polling, CancellationToken cancellationToken) =>
        WaitForCompletionAsync(requestId, polling, null, cancellationToken);

    /// <summary>
    /// Waits until a job is completed: polls <c>GET {route}/{requestId}</c> with backoff until the status is
    /// <c>COMPLETED</c> (returning the envelope with its response) or <c>FAILED</c> (throwing).
    /// </summary>
    /// <param name="requestId">The job id returned when it was created.</param>
    /// <param name="polling">Delays, jitter, overall timeout and per-poll request options; the client's
    /// <see cref="PerplexityAsyncClientOptions.Polling"/> (or the <see cref="PollingOptions"/> defaults) when null.</param>
    /// <param name="progress">Told the first state seen and then each status change (the final one included); an
    /// unchanged status is not reported again.</param>
    /// <param name="cancellationToken">Stops the wait, also in the middle of a delay. The job keeps running on the server.</param>
    /// <returns>The <c>COMPLETED</c> envelope; its <see cref="AsyncApiChatCompletionsResponse.Response"/> is set.</returns>
    /// <exception cref="ArgumentException"><paramref name="requestId"/> is null, empty, whitespace, a dot segment or too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting in <paramref name="polling"/> is invalid; the message names it.</exception>
    /// <exception cref="PerplexityJobFailedException">The job ended with status <c>FAILED</c>; the exception carries its envelope.</exception>
    /// <exception cref="PerplexityTimeoutException"><see cref="PollingOptions.Timeout"/> ran out; <see cref="PerplexityTimeoutException.LastResponse"/> is the last state seen.</exception>
    /// <exception cref="PerplexityApiException">A poll got 401, 403, 404, 422 or another non-transient status, or
    /// <see cref="PollingOptions.MaxConsecutiveFailures"/> transient failures came in a row (the last one is thrown).</exception>
    /// <exception cref="PerplexityProtocolException">The API answered with something other than the documented JSON, or
    /// kept answering <c>COMPLETED</c> without a response.</exception>
    /// <exception cref="PerplexityConnectionException">The API could not be reached, <see cref="PollingOptions.MaxConsecutiveFailures"/> times in a row.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <example>
    /// <code>
    /// try
    /// {
    ///     var progress = new Progress&lt;AsyncApiChatCompletionsResponse&gt;(s => Console.WriteLine(s.Status));
    ///     var polling = new PollingOptions { Timeout = TimeSpan.FromMinutes(20) };
    ///     AsyncApiChatCompletionsResponse done = await client.Sonar.WaitForCompletionAsync(requestId, polling, progress, cancellationToken);
    ///     Console.WriteLine(done.Response!.Text);
    /// }
    /// catch (PerplexityJobFailedException ex) { Console.WriteLine($"failed: {ex.ErrorMessage}"); }
    /// catch (PerplexityTimeoutException ex) { Console.WriteLine($"still {ex.LastResponse?.Status}; the job keeps running"); }
    /// </code>
    /// </example>
    public virtual Task<AsyncApiChatCompletionsResponse> WaitForCompletionAsync(
        string requestId,
        PollingOptions? polling = null,
        IProgress<AsyncApiChatCompletionsResponse>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var settings = ResolvePolling(requestId, polling);
        return WaitCoreAsync(requestId, settings, progress is null ? null : progress.Report, seed: null, cancellationToken);
    }

    /// <summary>Watches a job with the client's default <see cref="PollingOptions"/>.</summary>
    /// <inheritdoc cref="WatchAsync(string, PollingOptions?, CancellationToken)"/>
    public virtual IAsyncEnumerable<AsyncApiChatCompletionsResponse> WatchAsync(string requestId, CancellationToken cancellationToken) =>
        WatchAsync(requestId, null, cancellationToken);

    /// <summary>
    /// Watches a job: polls <c>GET {route}/{requestId}</c> as <see cref="WaitForCompletionAsync(string, PollingOptions?, IProgress{AsyncApiChatCompletionsResponse}?, CancellationToken)"/>
    /// does, and yields the first state seen and then one envelope per status change, ending after the terminal one.
    /// </summary>
    /// <remarks>
    /// A <c>FAILED</c> job is yielded like any other state and then ends the sequence without an exception: check
    /// the last item's <see cref="AsyncApiChatCompletionsResponse.Status"/>. A <c>COMPLETED</c> item always carries
    /// its response. Errors (timeout, non-transient HTTP status, protocol) are thrown from the enumeration, as the
    /// same exceptions <c>WaitForCompletionAsync</c> throws. Stopping the enumeration early stops the polling.
    /// </remarks>
    /// <param name="requestId">The job id returned when it was created.</param>
    /// <param name="polling">Delays, jitter, overall timeout and per-poll request options; the client's
    /// <see cref="PerplexityAsyncClientOptions.Polling"/> (or the <see cref="PollingOptions"/> defaults) when null.</param>
    /// <param name="cancellationToken">Stops the watch, also in the middle of a delay.</param>
    /// <returns>The job's states, one per status change.</returns>
    /// <exception cref="ArgumentException"><paramref name="requestId"/> is null, empty, whitespace, a dot segment or too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting in <paramref name="polling"/> is invalid; the message names it.</exception>
    /// <example>
    /// <code>
    /// AsyncApiChatCompletionsResponse? last = null;
    /// await foreach (var update in client.Sonar.WatchAsync(requestId, cancellationToken))
    /// {
    ///     Console.WriteLine($"{update.Status}");   // CREATED, IN_PROGRESS, then COMPLETED or FAILED
    ///     last = update;
    /// }
    /// Console.WriteLine(last!.Status == AsyncProcessingStatus.Completed ? last.Response!.Text : last.ErrorMessage);
    /// </code>
    /// </example>
    public virtual IAsyncEnumerable<AsyncApiChatCompletionsResponse> WatchAsync(
        string requestId, PollingOptions? polling = null, CancellationToken cancellationToken = default)
    {
        var settings = ResolvePolling(requestId, polling);
        return WaitWatcher.WatchAsync<AsyncApiChatCompletionsResponse>(
            (onChange, token) => RunWaitAsync(requestId, settings, onChange, seed: null, token), cancellationToken);
    }

    /// <summary>Creates a job and waits until it is completed, polling with the client's default <see cref="PollingOptions"/>.</summary>
    /// <inheritdoc cref="RunAsync(ChatCompletionRequest, PollingOptions?, IProgress{AsyncApiChatCompletionsResponse}?, CancellationToken)"/>
    public virtual Task<AsyncApiChatCompletionsResponse> RunAsync(ChatCompletionRequest request, CancellationToken cancellationToken) =>
        RunAsync(request, null, null, cancellationToken);

    /// <summary>Creates a job and waits until it is completed, polling as <paramref name="polling"/> says.</summary>
    /// <inheritdoc cref="RunAsync(ChatCompletionRequest, PollingOptions?, IProgress{AsyncApiChatCompletionsResponse}?, CancellationToken)"/>
    public virtual Task<AsyncApiChatCompletionsResponse> RunAsync(
        ChatCompletionRequest request, PollingOptions? polling, CancellationToken cancellationToken) =>
        RunAsync(request, polling, null, cancellationToken);

    /// <summary>
    /// Creates a job and waits until it is completed: <c>CreateAsync</c>, then polling <c>GET {route}/{id}</c> as
    /// <see cref="WaitForCompletionAsync(string, PollingOptions?, IProgress{AsyncApiChatCompletionsResponse}?, CancellationToken)"/> does.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The envelope the create returns counts as the first state seen (it is reported to <paramref name="progress"/>),
    /// so the first GET comes after <see cref="PollingOptions.InitialDelay"/> rather than at once, when the job would
    /// certainly still be <c>CREATED</c>. <see cref="PollingOptions.Timeout"/> bounds the polling, not the create, which
    /// has the client's own <see cref="PerplexityAsyncClientOptions.RequestTimeout"/> and transport retries.
    /// </para>
    /// <para>
    /// <see cref="PollingOptions.RequestOptions"/> (or, when <paramref name="polling"/> is null, those of the client's
    /// default) go with the create and with every poll: <c>local_mode</c> and the <c>x-…</c> headers apply to both.
    /// The create gets an idempotency key of its own, kept across its retries; to use a key of yours, call
    /// <c>CreateAsync</c> with <see cref="AsyncCreateOptions"/> and then <c>WaitForCompletionAsync</c>.
    /// </para>
    /// <para>
    /// When the wait fails (timeout, cancellation, a non-transient error), the job keeps running on the server: every
    /// exception the wait throws carries its id (<see cref="PerplexityException.JobId"/>, or
    /// <see cref="PerplexityWaitCanceledException.JobId"/> on cancellation), so it can be waited for again later.
    /// </para>
    /// </remarks>
    /// <param name="request">The chat-completion request the job runs; needs a model and at least one message.</param>
    /// <param name="polling">Delays, jitter, overall timeout, and the request options of the create and the polls; the
    /// client's <see cref="PerplexityAsyncClientOptions.Polling"/> (or the <see cref="PollingOptions"/> defaults) when null.</param>
    /// <param name="progress">Told the created state and then each status change (the final one included).</param>
    /// <param name="cancellationToken">Cancels the create, or stops the wait (also in the middle of a delay).</param>
    /// <returns>The <c>COMPLETED</c> envelope; its <see cref="AsyncApiChatCompletionsResponse.Response"/> is set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The request has no model or no messages, sets <c>Stream</c> to true, repeats a
    /// typed property in its additional properties, or a header or the idempotency key in the request options is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting in <paramref name="polling"/> is invalid; the message names it.</exception>
    /// <exception cref="PerplexityJobFailedException">The job ended with status <c>FAILED</c>; the exception carries its envelope.</exception>
    /// <exception cref="PerplexityTimeoutException"><see cref="PollingOptions.Timeout"/> ran out (<see cref="PerplexityTimeoutException.LastResponse"/>
    /// is the last state seen), or the create's request timeout did.</exception>
    /// <exception cref="PerplexityValidationException">The API refused a parameter of the request (422).</exception>
    /// <exception cref="PerplexityApiException">The create failed, or a poll got a non-transient error status or too many transient failures in a row.</exception>
    /// <exception cref="PerplexityProtocolException">The API answered with something other than the documented JSON.</exception>
    /// <exception cref="PerplexityConnectionException">The API could not be reached.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <example>
    /// <code>
    /// var done = await client.Sonar.RunAsync(new ChatCompletionRequest
    /// {
    ///     Model = "sonar-deep-research",
    ///     Messages = [ChatRequestMessage.User("Compare heat pumps and gas boilers.")],
    /// }, polling: new PollingOptions { Timeout = TimeSpan.FromMinutes(20) }, cancellationToken: ct);
    /// Console.WriteLine(done.Response!.Text);
    /// </code>
    /// </example>
    public virtual Task<AsyncApiChatCompletionsResponse> RunAsync(
        ChatCompletionRequest request,
        PollingOptions? polling = null,
        IProgress<AsyncApiChatCompletionsResponse>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var settings = ResolvePolling(polling);
        CreateRequestValidator.Validate(request, options: null, nameof(request));
        return RunCoreAsync(request, settings, progress, cancellationToken);
    }

    /// <summary>Waits until every job is finished, polling with the client's default <see cref="PollingOptions"/>.</summary>
    /// <inheritdoc cref="WaitForAllAsync(IEnumerable{string}, PollingOptions?, IProgress{AsyncApiChatCompletionsResponse}?, CancellationToken)"/>
    public virtual Task<IReadOnlyList<AsyncApiChatCompletionsResponse>> WaitForAllAsync(
        IEnumerable<string> requestIds, CancellationToken cancellationToken) =>
        WaitForAllAsync(requestIds, null, null, cancellationToken);

    /// <summary>Waits until every job is finished, polling as <paramref name="polling"/> says.</summary>
    /// <inheritdoc cref="WaitForAllAsync(IEnumerable{string}, PollingOptions?, IProgress{AsyncApiChatCompletionsResponse}?, CancellationToken)"/>
    public virtual Task<IReadOnlyList<AsyncApiChatCompletionsResponse>> WaitForAllAsync(
        IEnumerable<string> requestIds, PollingOptions? polling, CancellationToken cancellationToken) =>
        WaitForAllAsync(requestIds, polling, null, cancellationToken);

    /// <summary>
    /// Waits until every job is finished, with one list request per round instead of one GET per job: each round
    /// reads <c>GET {route}?limit=…</c> for the jobs' statuses and sends <c>GET {route}/{id}</c> only for a job the
    /// list shows finished (to fetch its response) or does not show.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Each round asks for a page of max(pending jobs, 20) jobs, at most 100, and follows <c>next_token</c> only until
    /// every pending job has been seen, for at most 10 pages. A job the list does not show (created before the pages
    /// read) is polled by id from then on; if the API refuses the list (404, 405 or 422), every job is. Rounds follow
    /// <paramref name="polling"/>'s backoff, jitter and overall timeout, and a failed round is retried as a failed poll
    /// is (HTTP 408, 429, 5xx, network errors; <c>Retry-After</c> honoured).
    /// </para>
    /// <para>
    /// A failed job does not end the wait: it goes on until every job has finished, then throws
    /// <see cref="PerplexityJobsFailedException"/>, whose <see cref="PerplexityJobsFailedException.Results"/> holds every
    /// envelope (the completed ones with their responses) and <see cref="PerplexityJobsFailedException.FailedJobs"/>
    /// the failed ones. A repeated id is waited for once, and its envelope appears at each of its positions.
    /// </para>
    /// </remarks>
    /// <param name="requestIds">The ids of the jobs; an empty sequence returns an empty list at once. Read once, before anything is sent.</param>
    /// <param name="polling">Delays, jitter, overall timeout and per-request options; the client's
    /// <see cref="PerplexityAsyncClientOptions.Polling"/> (or the <see cref="PollingOptions"/> defaults) when null.</param>
    /// <param name="progress">Told each job's first state seen and then each of its status changes (the final one included),
    /// once per round in the order of <paramref name="requestIds"/>. A state seen on the list is an envelope built from the
    /// list entry: id, model, status and timestamps.</param>
    /// <param name="cancellationToken">Stops the wait, also in the middle of a delay. The jobs keep running on the server.</param>
    /// <returns>The <c>COMPLETED</c> envelopes, with their responses, in the order of <paramref name="requestIds"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requestIds"/> is null.</exception>
    /// <exception cref="ArgumentException">An id is null, empty, whitespace, a dot segment or too long; the message gives its position.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting in <paramref name="polling"/> is invalid; the message names it.</exception>
    /// <exception cref="PerplexityJobsFailedException">Every job has finished and at least one ended with status <c>FAILED</c>.</exception>
    /// <exception cref="PerplexityTimeoutException"><see cref="PollingOptions.Timeout"/> ran out; the message counts the finished and pending jobs.</exception>
    /// <exception cref="PerplexityApiException">A request got 401, 403, 404 (an unknown id), 422 or another non-transient status, or
    /// <see cref="PollingOptions.MaxConsecutiveFailures"/> rounds in a row failed transiently (the last failure is thrown).</exception>
    /// <exception cref="PerplexityProtocolException">The API answered with something other than the documented JSON.</exception>
    /// <exception cref="PerplexityConnectionException">The API could not be reached, <see cref="PollingOptions.MaxConsecutiveFailures"/> rounds in a row.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <example>
    /// <code>
    /// var ids = new List&lt;string&gt;();
    /// foreach (var question in questions)
    /// {
    ///     ids.Add((await client.Sonar.CreateAsync(Ask(question), cancellationToken: ct)).Id);
    /// }
    ///
    /// try
    /// {
    ///     var answers = await client.Sonar.WaitForAllAsync(ids, cancellationToken: ct);
    /// }
    /// catch (PerplexityJobsFailedException ex)
    /// {
    ///     foreach (var failed in ex.FailedJobs) Console.WriteLine($"{failed.Id}: {failed.ErrorMessage}");
    ///     var answers = ex.Results.Where(r => r.Status == AsyncProcessingStatus.Completed);
    /// }
    /// </code>
    /// </example>
    public virtual Task<IReadOnlyList<AsyncApiChatCompletionsResponse>> WaitForAllAsync(
        IEnumerable<string> requestIds,
        PollingOptions? polling = null,
        IProgress<AsyncApiChatCompletionsResponse>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var ids = SonarBatchWait.ValidateIds(requestIds, nameof(requestIds));
        var settings = ResolvePolling(polling);
        return SonarBatchWait.WaitAsync(this, _kind, ids, settings, _waits, progress, cancellationToken);
    }

    /// <summary>The client's wait services (clock, logger, redaction, default polling); the mocking defaults on a mock.</summary>
    internal WaitServices Waits => _waits;

    /// <summary>What this route's jobs mean to the wait engine.</summary>
    internal SonarJobKind Kind => _kind;

    private PerplexityTransport Transport =>
        _transport ?? throw new InvalidOperationException("This client was built for mocking: override the method you call.");

    /// <summary>One poll of a wait: a GET without transport retries (the wait retries failed polls); a mock's own <c>GetAsync</c>.</summary>
    internal Task<AsyncApiChatCompletionsResponse> PollAsync(string requestId, AsyncRequestOptions? options, CancellationToken cancellationToken) =>
        _transport is null ? GetAsync(requestId, options, cancellationToken) : FetchAsync(requestId, options, transportRetries: false, cancellationToken);

    /// <summary>One list page of a batch wait, without transport retries; a mock's own <c>ListPageAsync</c>.</summary>
    internal Task<AsyncChatCompletionsListResponse> PollListPageAsync(
        string? nextToken, int? limit, AsyncRequestOptions? options, CancellationToken cancellationToken) =>
        _transport is null
            ? ListPageAsync(nextToken, limit, options, cancellationToken)
            : FetchListPageAsync(nextToken, limit, options, transportRetries: false, cancellationToken);

    /// <summary>Runs a wait for one job, telling <paramref name="onChange"/> each status change; returns its terminal state.</summary>
    internal async Task<AsyncApiChatCompletionsResponse> RunWaitAsync(
        string requestId,
        PollingSettings settings,
        Action<AsyncApiChatCompletionsResponse>? onChange,
        AsyncApiChatCompletionsResponse? seed,
        CancellationToken cancellationToken)
    {
        var wait = new SingleJobWait<AsyncApiChatCompletionsResponse>(
            _kind, requestId, (id, token) => PollAsync(id, settings.RequestOptions, token), seed, onChange);
        await WaitEngine.RunAsync(wait, settings, _waits, cancellationToken).ConfigureAwait(false);
        return wait.LastState!;
    }

    private async Task<AsyncApiChatCompletionsResponse> WaitCoreAsync(
        string requestId,
        PollingSettings settings,
        Action<AsyncApiChatCompletionsResponse>? onChange,
        AsyncApiChatCompletionsResponse? seed,
        CancellationToken cancellationToken)
    {
        var final = await RunWaitAsync(requestId, settings, onChange, seed, cancellationToken).ConfigureAwait(false);
        return _kind.IsFailure(final) ? throw _kind.CreateFailure(final, _waits.Redactor) : final;
    }

    private async Task<AsyncApiChatCompletionsResponse> FetchAsync(
        string requestId, AsyncRequestOptions? options, bool transportRetries, CancellationToken cancellationToken)
    {
        var request = new PerplexityRequest(HttpMethod.Get, Route, requestId, options) { TransportRetries = transportRetries };
        var envelope = await Transport.SendAsync(request, PerplexityJsonContext.Default.AsyncApiChatCompletionsResponse, cancellationToken)
            .ConfigureAwait(false);
        if (!string.Equals(envelope.Id, requestId, StringComparison.Ordinal))
        {
            var redactor = _waits.Redactor;
            throw new PerplexityProtocolException(
                $"GET {request.RouteTemplate} asked for job '{redactor.Redact(requestId)}' but the API answered with job '{redactor.Redact(envelope.Id)}'.");
        }

        return envelope;
    }

    private Task<AsyncChatCompletionsListResponse> FetchListPageAsync(
        string? nextToken, int? limit, AsyncRequestOptions? options, bool transportRetries, CancellationToken cancellationToken)
    {
        var call = new PerplexityRequest(HttpMethod.Get, Route, options: options)
        {
            Query = ListQuery.Build(nextToken, limit),
            TransportRetries = transportRetries,
        };
        return Transport.SendAsync(call, PerplexityJsonContext.Default.AsyncChatCompletionsListResponse, cancellationToken);
    }

    private PollingSettings ResolvePolling(string requestId, PollingOptions? polling)
    {
        RequestIdPath.Escape(requestId, nameof(requestId));
        return ResolvePolling(polling);
    }

    private PollingSettings ResolvePolling(PollingOptions? polling) => _waits.Resolve(polling, nameof(polling));

    private async Task<AsyncApiChatCompletionsResponse> RunCoreAsync(
        ChatCompletionRequest request, PollingSettings settings, IProgress<AsyncApiChatCompletionsResponse>? progress, CancellationToken cancellationToken)
    {
        var create = settings.RequestOptions is null ? null : new AsyncCreateOptions { RequestOptions = settings.RequestOptions };
        var created = await CreateAsync(request, create, cancellationToken).ConfigureAwait(false)
            ?? throw new PerplexityProtocolException("CreateAsync returned null.");
        if (RequestIdPath.Problem(created.Id) is { } problem)
        {
            throw new PerplexityProtocolException($"The created job's id cannot be polled: {_waits.Redactor.Redact(problem)}");
        }

        return await WaitCoreAsync(created.Id, settings, progress is null ? null : progress.Report, created, cancellationToken).ConfigureAwait(false);
    }
}
