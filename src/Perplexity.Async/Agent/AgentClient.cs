using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Perplexity.Async.Serialization;
using Perplexity.Async.Transport;
using Perplexity.Async.Waiting;

namespace Perplexity.Async;

/// <summary>
/// The Agent API's background runs, the way long jobs run on Perplexity today: create a run
/// (<c>POST /v1/agent</c> with <c>"background": true</c>), read it (<c>GET /v1/responses/{id}</c>), wait for it,
/// watch it, cancel it. Get one from <see cref="PerplexityAsyncClient.Agent"/>. Thread-safe; every method is virtual
/// for mocking.
/// </summary>
/// <remarks>
/// <para>
/// Outcomes: <c>completed</c> and <c>incomplete</c> runs are returned (an incomplete one carries its partial output and
/// <see cref="AgentResponse.IncompleteDetails"/>); <c>failed</c> and <c>cancelled</c> runs, which the API answers with
/// HTTP 200, throw <see cref="PerplexityRunFailedException"/> and <see cref="PerplexityRunCancelledException"/>, both
/// carrying the response. Every exception a wait or a run throws carries the run id
/// (<see cref="PerplexityException.JobId"/>, or <see cref="PerplexityWaitCanceledException.JobId"/> on cancellation),
/// so a run that keeps running (and billing) is never lost.
/// </para>
/// <para>
/// Two quirks of the live service: <see cref="AgentResponse.CreatedAt"/> is re-stamped on every GET (it is not the
/// run's start), and <see cref="AgentResponse.Model"/> holds the preset's name until the run completes. Durations the
/// SDK reports (wait spans and metrics) are measured on the client's <see cref="TimeProvider"/> instead.
/// </para>
/// <para>
/// The Agent API has no idempotency key. A create is retried only when it provably never reached the server
/// (connection refused, DNS, TLS) or was refused with 429; when it may have been received but no usable answer came
/// back, it throws <see cref="PerplexityCreateOutcomeUnknownException"/> and is never sent again.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// AgentResponse run = await client.Agent.CreateAsync(new AgentRequest
/// {
///     Preset = AgentPreset.Medium,
///     Input = "Compare heat pumps and gas boilers for a cold climate.",
/// }, cancellationToken);
/// AgentResponse done = await client.Agent.WaitForCompletionAsync(run.Id, cancellationToken);
/// Console.WriteLine(done.OutputText);
/// </code>
/// </example>
public partial class AgentClient
{
    private readonly PerplexityTransport? _transport;
    private readonly WaitServices _waits;
    private readonly bool _cancelAbandonedRuns;

    internal AgentClient(PerplexityTransport transport, WaitServices waits, bool cancelAbandonedRuns)
    {
        _transport = transport;
        _waits = waits;
        _cancelAbandonedRuns = cancelAbandonedRuns;
    }

    /// <summary>For mocking only: a client whose members are all overridden.</summary>
    /// <remarks>Its waits poll the overridden <c>GetAsync</c> on the system clock.</remarks>
    protected AgentClient()
    {
        _transport = null;
        _waits = new WaitServices(
            TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance,
            Errors.Redactor.None,
            PollingSettings.Create(AgentPollingDefaults.Options(), "polling"));
        _cancelAbandonedRuns = false;
    }

    /// <summary>The client's wait services (clock, logger, redaction, the default polling of runs).</summary>
    internal WaitServices Waits => _waits;

    /// <summary>The client's request budget; null when it has none (or is a mock).</summary>
    internal Budget.RequestBudget? Budget => _transport?.Budget;

    private PerplexityTransport Transport =>
        _transport ?? throw new InvalidOperationException("This client was built for mocking: override the method you call.");

    /// <summary>
    /// Creates a run: <c>POST /v1/agent</c>, in background mode unless <see cref="AgentRequest.Background"/> says
    /// <see langword="false"/> (then the API answers when the run is over, which can take minutes).
    /// </summary>
    /// <param name="request">The run: its input, and a model, models or a preset.</param>
    /// <param name="cancellationToken">Cancels the request. A create cancelled in flight may still have started the run.</param>
    /// <returns>The run as the API answered: normally <c>queued</c>, with its <see cref="AgentResponse.Id"/>
    /// (<c>resp_…</c>); pass it to <c>GetAsync</c> or <c>WaitForCompletionAsync</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The request is certainly invalid (no input, no model, a value out of range,
    /// <see cref="AgentRequest.Stream"/> set: use <c>StreamAsync</c>); the message names the property.</exception>
    /// <exception cref="PerplexityBadRequestException">The API refused the request (400); <see cref="PerplexityErrorDetails.ErrorParam"/> names the field.</exception>
    /// <exception cref="PerplexityCreateOutcomeUnknownException">The create may have reached the server but no usable
    /// answer came back: the run may exist, its id is unknown. It is not sent again.</exception>
    /// <exception cref="PerplexityApiException">Another error status (a subclass names which: 401, 413, 424, 429, …).</exception>
    /// <exception cref="PerplexityConnectionException">The API could not be reached (the request was never sent).</exception>
    public virtual Task<AgentResponse> CreateAsync(AgentRequest request, CancellationToken cancellationToken = default)
    {
        AgentRequestValidator.Validate(request, nameof(request));
        if (request.Stream == true)
        {
            throw new ArgumentException(
                $"{nameof(AgentRequest)}.{nameof(AgentRequest.Stream)} is true; CreateAsync returns one response. Use StreamAsync for the events.",
                nameof(request));
        }

        return CreateCoreAsync(request.Background is null ? request with { Background = true } : request, cancellationToken);
    }

    /// <summary>Reads a run: <c>GET /v1/responses/{responseId}</c>.</summary>
    /// <param name="responseId">The run's id (<c>resp_…</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The run's current state; while it runs, its output holds what it has gathered so far.</returns>
    /// <exception cref="ArgumentException"><paramref name="responseId"/> is null, empty, whitespace, a dot segment or too long.</exception>
    /// <exception cref="PerplexityNotFoundException">No such run: unknown, another account's, or created with <c>store: false</c>.</exception>
    /// <exception cref="PerplexityApiException">Another error status (a subclass names which).</exception>
    /// <exception cref="PerplexityProtocolException">The answer was not the documented JSON, or was about another run.</exception>
    /// <exception cref="PerplexityConnectionException">The API could not be reached.</exception>
    public virtual Task<AgentResponse> GetAsync(string responseId, CancellationToken cancellationToken = default)
    {
        RequireId(responseId);
        return FetchAsync(responseId, transportRetries: true, cancellationToken);
    }

    /// <summary>
    /// Cancels a run, reading it first (the live service answers an unknown id with the same 400 as a finished run):
    /// an unknown id throws <see cref="PerplexityNotFoundException"/>; a finished run is returned as it is (never
    /// reported as cancelled); a running one gets one <c>POST /v1/responses/{responseId}/cancel</c> and the state
    /// read after it is returned. The stop is asynchronous: that state is often still <c>in_progress</c>; wait for
    /// <c>cancelled</c> with <c>WaitForCompletionAsync</c> (which then throws <see cref="PerplexityRunCancelledException"/>).
    /// </summary>
    /// <param name="responseId">The run's id.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The run's state after the cancel request, or its final state if it had already finished.</returns>
    /// <exception cref="ArgumentException"><paramref name="responseId"/> is invalid.</exception>
    /// <exception cref="PerplexityNotFoundException">No such run.</exception>
    /// <exception cref="PerplexityApiException">The API refused the cancel for another reason.</exception>
    public virtual async Task<AgentResponse> CancelAsync(string responseId, CancellationToken cancellationToken = default)
    {
        var state = await GetAsync(responseId, cancellationToken).ConfigureAwait(false);
        if (AgentJobKind.Instance.IsTerminal(state))
        {
            return state;
        }

        try
        {
            await RequestCancelAsync(responseId, cancellationToken).ConfigureAwait(false);
        }
        catch (PerplexityBadRequestException ex) when (IsAlreadyTerminal(ex))
        {
            // It finished between the read and the cancel: the read below says how.
        }

        return await GetAsync(responseId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until a run is finished, polling with the client's default <see cref="PollingOptions"/>.</summary>
    /// <inheritdoc cref="WaitForCompletionAsync(string, PollingOptions?, IProgress{AgentResponse}?, CancellationToken)"/>
    public virtual Task<AgentResponse> WaitForCompletionAsync(string responseId, CancellationToken cancellationToken) =>
        WaitForCompletionAsync(responseId, null, null, cancellationToken);

    /// <summary>Waits until a run is finished, polling as <paramref name="polling"/> says.</summary>
    /// <inheritdoc cref="WaitForCompletionAsync(string, PollingOptions?, IProgress{AgentResponse}?, CancellationToken)"/>
    public virtual Task<AgentResponse> WaitForCompletionAsync(string responseId, PollingOptions? polling, CancellationToken cancellationToken) =>
        WaitForCompletionAsync(responseId, polling, null, cancellationToken);

    /// <summary>
    /// Waits until a run is finished: polls <c>GET /v1/responses/{responseId}</c> with backoff until it is
    /// <c>completed</c> or <c>incomplete</c> (returned) or <c>failed</c> or <c>cancelled</c> (thrown). It never
    /// cancels the run: stopping the wait leaves it running.
    /// </summary>
    /// <param name="responseId">The run's id.</param>
    /// <param name="polling">Delays, jitter, overall timeout; the client's <see cref="PerplexityAsyncClientOptions.Polling"/>,
    /// or the run defaults (1 s growing to 10 s, with jitter), when null.</param>
    /// <param name="progress">Told the first state seen and then each status change (the final one included).</param>
    /// <param name="cancellationToken">Stops the wait, also in the middle of a delay.</param>
    /// <returns>The <c>completed</c> or <c>incomplete</c> run.</returns>
    /// <exception cref="ArgumentException"><paramref name="responseId"/> is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting in <paramref name="polling"/> is invalid; the message names it.</exception>
    /// <exception cref="PerplexityRunFailedException">The run failed; it carries the response.</exception>
    /// <exception cref="PerplexityRunCancelledException">The run was cancelled; it carries the response.</exception>
    /// <exception cref="PerplexityTimeoutException"><see cref="PollingOptions.Timeout"/> ran out;
    /// <see cref="PerplexityTimeoutException.LastAgentResponse"/> is the last state seen.</exception>
    /// <exception cref="PerplexityWaitCanceledException"><paramref name="cancellationToken"/> stopped the wait; it carries the run id.</exception>
    /// <exception cref="PerplexityApiException">A poll got a non-transient error (404 for an unknown run), or too many transient failures in a row.</exception>
    public virtual Task<AgentResponse> WaitForCompletionAsync(
        string responseId, PollingOptions? polling = null, IProgress<AgentResponse>? progress = null, CancellationToken cancellationToken = default)
    {
        RequireId(responseId);
        var settings = _waits.Resolve(polling, nameof(polling));
        return WaitCoreAsync(responseId, settings, progress is null ? null : progress.Report, seed: null, cancellationToken);
    }

    /// <summary>Watches a run with the client's default <see cref="PollingOptions"/>.</summary>
    /// <inheritdoc cref="WatchAsync(string, PollingOptions?, CancellationToken)"/>
    public virtual IAsyncEnumerable<AgentResponse> WatchAsync(string responseId, CancellationToken cancellationToken) =>
        WatchAsync(responseId, null, cancellationToken);

    /// <summary>
    /// Watches a run: polls as <c>WaitForCompletionAsync</c> does and yields the first state seen and then one state per
    /// status change, ending after the terminal one. A failed or cancelled run is yielded like any other state and ends
    /// the sequence without an exception: check the last item's <see cref="AgentResponse.Status"/>.
    /// </summary>
    /// <param name="responseId">The run's id.</param>
    /// <param name="polling">Delays, jitter, overall timeout; the client's default when null.</param>
    /// <param name="cancellationToken">Stops the watch, also in the middle of a delay.</param>
    /// <returns>The run's states, one per status change.</returns>
    /// <exception cref="ArgumentException"><paramref name="responseId"/> is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting in <paramref name="polling"/> is invalid.</exception>
    public virtual IAsyncEnumerable<AgentResponse> WatchAsync(string responseId, PollingOptions? polling, CancellationToken cancellationToken)
    {
        RequireId(responseId);
        var settings = _waits.Resolve(polling, nameof(polling));
        return WaitWatcher.WatchAsync<AgentResponse>(
            (onChange, token) => RunWaitAsync(responseId, settings, onChange, seed: null, token), cancellationToken);
    }

    /// <summary>Waits until every run is finished, polling with the client's default <see cref="PollingOptions"/>.</summary>
    /// <inheritdoc cref="WaitForAllAsync(IEnumerable{string}, PollingOptions?, IProgress{AgentResponse}?, CancellationToken)"/>
    public virtual Task<IReadOnlyList<AgentResponse>> WaitForAllAsync(IEnumerable<string> responseIds, CancellationToken cancellationToken) =>
        WaitForAllAsync(responseIds, null, null, cancellationToken);

    /// <summary>Waits until every run is finished, polling as <paramref name="polling"/> says.</summary>
    /// <inheritdoc cref="WaitForAllAsync(IEnumerable{string}, PollingOptions?, IProgress{AgentResponse}?, CancellationToken)"/>
    public virtual Task<IReadOnlyList<AgentResponse>> WaitForAllAsync(
        IEnumerable<string> responseIds, PollingOptions? polling, CancellationToken cancellationToken) =>
        WaitForAllAsync(responseIds, polling, null, cancellationToken);

    /// <summary>
    /// Waits until every run is finished, in one wait: the runs are polled by id (the Agent API has no list), fairly (the
    /// run polled longest ago first), with at most 16 polls in flight and no task or timer per run, and within the
    /// client's <see cref="PerplexityAsyncClientOptions.RequestBudget"/>: each run is polled about every
    /// max(backoff, pending runs ÷ <see cref="RequestBudgetOptions.RequestsPerSecond"/>). It never cancels a run.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Without a budget the runs are polled as one run is (the backoff of <paramref name="polling"/>), each in every round:
    /// 1,000 runs at the 10-second cap are 100 requests a second, twice the observed limit of 50. Set
    /// <see cref="PerplexityAsyncClientOptions.RequestBudget"/> to wait on many.
    /// </para>
    /// <para>
    /// A failed or cancelled run does not end the wait: it goes on until every run has finished, then throws
    /// <see cref="PerplexityRunsFailedException"/>, whose <see cref="PerplexityRunsFailedException.Results"/> holds every
    /// final state and <see cref="PerplexityRunsFailedException.FailedRuns"/> the failed and cancelled ones. A poll that
    /// fails transiently (408, 429, 5xx, network, the budget refusing a permit) pauses the whole wait, as one wait's failed
    /// poll does; any other failure ends it. Every exception carries every id (<see cref="PerplexityException.JobIds"/>,
    /// or <see cref="PerplexityWaitCanceledException.JobIds"/>), and a poll's failure the id of its run
    /// (<see cref="PerplexityException.JobId"/>). A repeated id is waited for once, and its state appears at each of its positions.
    /// </para>
    /// </remarks>
    /// <param name="responseIds">The runs' ids (<c>resp_…</c>); an empty sequence returns an empty list at once. Read once, before anything is sent.</param>
    /// <param name="polling">Backoff, jitter and overall timeout; the client's <see cref="PerplexityAsyncClientOptions.Polling"/>,
    /// or the run defaults (1 s growing to 10 s, with jitter), when null.</param>
    /// <param name="progress">Told each run's first state seen and then each of its status changes (the final one included),
    /// once per round, in the order the runs were polled.</param>
    /// <param name="cancellationToken">Stops the wait, also in the middle of a delay. The runs keep running on the server.</param>
    /// <returns>The <c>completed</c> and <c>incomplete</c> runs, in the order of <paramref name="responseIds"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="responseIds"/> is null.</exception>
    /// <exception cref="ArgumentException">An id is null, empty, whitespace, a dot segment or too long; the message gives its position.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting in <paramref name="polling"/> is invalid; the message names it.</exception>
    /// <exception cref="PerplexityRunsFailedException">Every run has finished and at least one failed or was cancelled.</exception>
    /// <exception cref="PerplexityTimeoutException"><see cref="PollingOptions.Timeout"/> ran out; the message counts the finished and pending runs.</exception>
    /// <exception cref="PerplexityWaitCanceledException"><paramref name="cancellationToken"/> stopped the wait.</exception>
    /// <exception cref="PerplexityApiException">A poll got a non-transient error (404 for an unknown run: its id is the exception's
    /// <see cref="PerplexityException.JobId"/>), or too many transient failures in a row.</exception>
    /// <example>
    /// <code>
    /// var ids = new List&lt;string&gt;();
    /// foreach (var question in questions)
    /// {
    ///     ids.Add((await client.Agent.CreateAsync(new AgentRequest { Preset = AgentPreset.Fast, Input = question }, ct)).Id);
    /// }
    ///
    /// try
    /// {
    ///     IReadOnlyList&lt;AgentResponse&gt; answers = await client.Agent.WaitForAllAsync(ids, cancellationToken: ct);
    /// }
    /// catch (PerplexityRunsFailedException ex)
    /// {
    ///     foreach (var failed in ex.FailedRuns) Console.WriteLine($"{failed.Id}: {failed.Status}");
    /// }
    /// </code>
    /// </example>
    public virtual Task<IReadOnlyList<AgentResponse>> WaitForAllAsync(
        IEnumerable<string> responseIds,
        PollingOptions? polling = null,
        IProgress<AgentResponse>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var ids = BatchIds.Validate(responseIds, nameof(responseIds), "response ids");
        var settings = _waits.Resolve(polling, nameof(polling));
        return AgentBatchWait.WaitAsync(this, ids, settings, progress, cancellationToken);
    }

    /// <summary>Creates a run and waits until it is finished, polling with the client's default <see cref="PollingOptions"/>.</summary>
    /// <inheritdoc cref="RunAsync(AgentRequest, PollingOptions?, IProgress{AgentResponse}?, CancellationToken)"/>
    public virtual Task<AgentResponse> RunAsync(AgentRequest request, CancellationToken cancellationToken) =>
        RunAsync(request, null, null, cancellationToken);

    /// <summary>Creates a run and waits until it is finished, polling as <paramref name="polling"/> says.</summary>
    /// <inheritdoc cref="RunAsync(AgentRequest, PollingOptions?, IProgress{AgentResponse}?, CancellationToken)"/>
    public virtual Task<AgentResponse> RunAsync(AgentRequest request, PollingOptions? polling, CancellationToken cancellationToken) =>
        RunAsync(request, polling, null, cancellationToken);

    /// <summary>
    /// Creates a run in background mode and waits until it is finished: <c>CreateAsync</c>, then
    /// <c>WaitForCompletionAsync</c>. The created state counts as the first one seen, so the first GET comes after the
    /// first delay.
    /// </summary>
    /// <remarks>
    /// When <paramref name="cancellationToken"/> stops the wait, the run is cancelled on the server too (best effort: one
    /// cancel request, bounded to 10 seconds), so an abandoned run stops billing; the
    /// <see cref="PerplexityWaitCanceledException"/> says whether it was asked to stop
    /// (<see cref="PerplexityWaitCanceledException.RunCancelRequested"/>). Set
    /// <see cref="PerplexityAsyncClientOptions.CancelAbandonedRuns"/> to <see langword="false"/> to leave it running. A
    /// timeout (<see cref="PollingOptions.Timeout"/>) only stops the waiting.
    /// </remarks>
    /// <param name="request">The run.</param>
    /// <param name="polling">Delays, jitter, overall timeout; the client's default when null.</param>
    /// <param name="progress">Told the created state and then each status change (the final one included).</param>
    /// <param name="cancellationToken">Cancels the create, or stops the wait and cancels the run.</param>
    /// <returns>The <c>completed</c> or <c>incomplete</c> run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The request is certainly invalid; the message names the property.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting in <paramref name="polling"/> is invalid.</exception>
    /// <exception cref="PerplexityRunFailedException">The run failed.</exception>
    /// <exception cref="PerplexityRunCancelledException">The run was cancelled (by someone else, or the service).</exception>
    /// <exception cref="PerplexityCreateOutcomeUnknownException">The create may have started a run whose id is unknown.</exception>
    /// <exception cref="PerplexityTimeoutException"><see cref="PollingOptions.Timeout"/> ran out; the run keeps running.</exception>
    /// <exception cref="PerplexityWaitCanceledException"><paramref name="cancellationToken"/> stopped the wait; it carries the run id.</exception>
    /// <exception cref="PerplexityApiException">The create failed, or a poll got a non-transient error.</exception>
    public virtual Task<AgentResponse> RunAsync(
        AgentRequest request, PollingOptions? polling = null, IProgress<AgentResponse>? progress = null, CancellationToken cancellationToken = default)
    {
        AgentRequestValidator.Validate(request, nameof(request));
        var settings = _waits.Resolve(polling, nameof(polling));
        return RunCoreAsync(request, settings, progress, cancellationToken);
    }

    /// <summary>One poll of a wait: a GET without transport retries (the wait retries failed polls); a mock's own <c>GetAsync</c>.</summary>
    internal Task<AgentResponse> PollAsync(string responseId, CancellationToken cancellationToken) =>
        _transport is null ? GetAsync(responseId, cancellationToken) : FetchAsync(responseId, transportRetries: false, cancellationToken);

    /// <summary>Runs a wait for one run, telling <paramref name="onChange"/> each status change; returns its terminal state.</summary>
    internal async Task<AgentResponse> RunWaitAsync(
        string responseId, PollingSettings settings, Action<AgentResponse>? onChange, AgentResponse? seed, CancellationToken cancellationToken)
    {
        var wait = new SingleJobWait<AgentResponse>(AgentJobKind.Instance, responseId, (id, token) => PollAsync(id, token), seed, onChange);
        await WaitEngine.RunAsync(wait, settings, _waits, cancellationToken).ConfigureAwait(false);
        return wait.LastState!;
    }

    private static void RequireId(string responseId)
    {
        if (responseId is null)
        {
            throw new ArgumentNullException(nameof(responseId), "A response id (resp_…) is required.");
        }

        RequestIdPath.Escape(responseId, nameof(responseId));
    }

    private static bool IsAlreadyTerminal(PerplexityApiException ex) =>
        ex.ErrorMessage?.IndexOf("terminal", StringComparison.OrdinalIgnoreCase) >= 0;

    private async Task<AgentResponse> WaitCoreAsync(
        string responseId, PollingSettings settings, Action<AgentResponse>? onChange, AgentResponse? seed, CancellationToken cancellationToken)
    {
        var final = await RunWaitAsync(responseId, settings, onChange, seed, cancellationToken).ConfigureAwait(false);
        return AgentJobKind.Instance.IsFailure(final) ? throw AgentJobKind.Instance.CreateFailure(final, _waits.Redactor) : final;
    }

    private async Task<AgentResponse> FetchAsync(string responseId, bool transportRetries, CancellationToken cancellationToken)
    {
        var request = new PerplexityRequest(HttpMethod.Get, AgentRoutes.Responses, responseId) { IdName = "response_id", TransportRetries = transportRetries };
        var response = await Transport.SendAsync(request, PerplexityJsonContext.Default.AgentResponse, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(response.Id, responseId, StringComparison.Ordinal))
        {
            var redactor = _waits.Redactor;
            throw new PerplexityProtocolException(
                $"GET {request.RouteTemplate} asked for run '{redactor.Redact(responseId)}' but the API answered with run '{redactor.Redact(response.Id)}'.");
        }

        return response;
    }

    /// <summary><c>POST /v1/responses/{id}/cancel</c>: the acknowledgement is checked and dropped (the run's state is read separately).</summary>
    private async Task RequestCancelAsync(string responseId, CancellationToken cancellationToken)
    {
        var request = new PerplexityRequest(HttpMethod.Post, AgentRoutes.Responses, responseId)
        {
            IdName = "response_id",
            PathSuffix = AgentRoutes.CancelSuffix,
            IsRetrySafe = true,
        };
        var ack = await Transport.SendAsync(request, PerplexityJsonContext.Default.AgentCancelAcknowledgement, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(ack.ResponseId, responseId, StringComparison.Ordinal))
        {
            throw new PerplexityProtocolException(
                $"POST {request.RouteTemplate} for run '{_waits.Redactor.Redact(responseId)}' was acknowledged for run '{_waits.Redactor.Redact(ack.ResponseId)}'.");
        }
    }
}
