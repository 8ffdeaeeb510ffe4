using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Perplexity.Async.Serialization;
using Perplexity.Async.Transport;
using Perplexity.Async.Waiting;

namespace Perplexity.Async;

/// <summary>Creating runs safely (no idempotency key) and cancelling abandoned ones.</summary>
public partial class AgentClient
{
    private Task<AgentResponse> CreateCoreAsync(AgentRequest request, CancellationToken cancellationToken) =>
        SendCreateAsync(
            CreateCall(request, stream: false),
            (call, token) => Transport.SendAsync(call, PerplexityJsonContext.Default.AgentResponse, token),
            cancellationToken);

    /// <summary>The create of a run: the body serialized once, never retried once it may have reached the server.</summary>
    private static PerplexityRequest CreateCall(AgentRequest request, bool stream) => new(HttpMethod.Post, AgentRoutes.Create)
    {
        // Serialized once, so a retry (only ever of a create that never reached the server) sends the same bytes.
        Body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(request, PerplexityJsonContext.Default.AgentRequest),
        IsRetrySafe = false,
        RetryOnlyIfUnsent = true,
        Accept = stream ? "text/event-stream" : "application/json",
    };

    /// <summary>
    /// Sends a create (a plain one, or a stream's): a failure after which the run may exist throws
    /// <see cref="PerplexityCreateOutcomeUnknownException"/>, and the create is never sent again.
    /// </summary>
    private async Task<T> SendCreateAsync<T>(
        PerplexityRequest call, Func<PerplexityRequest, CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send(call, cancellationToken).ConfigureAwait(false);
        }
        catch (PerplexityException ex) when (MayHaveStarted(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw new PerplexityCreateOutcomeUnknownException(
                $"POST {call.RouteTemplate} may have started a run, but no usable answer came back ({_waits.Redactor.Redact(ex.Message)}). "
                + "The run may exist and its id is unknown; it is not sent again (the Agent API has no idempotency key, and a second "
                + "create would start and bill a second run).",
                ex);
        }
    }

    /// <summary>
    /// Whether a failed create may nevertheless have started a run: the server may have taken it (a timeout, a broken
    /// connection after sending, a 408 or 5xx, a 2xx whose body could not be read). A refusal (4xx) or a connection that
    /// was never made did not start one.
    /// </summary>
    private static bool MayHaveStarted(PerplexityException exception) => exception switch
    {
        PerplexityConnectionException connection => !connection.NotSent,
        PerplexityTimeoutException => true,
        PerplexityProtocolException protocol => protocol.StatusCode is null || (int)protocol.StatusCode < 400 || (int)protocol.StatusCode >= 500,
        PerplexityApiException api => (int)api.StatusCode is 408 or (>= 500 and < 600),
        _ => false,
    };

    private async Task<AgentResponse> RunCoreAsync(
        AgentRequest request, PollingSettings settings, IProgress<AgentResponse>? progress, CancellationToken cancellationToken)
    {
        var created = await CreateAsync(request, cancellationToken).ConfigureAwait(false)
            ?? throw new PerplexityProtocolException("CreateAsync returned null.");
        if (RequestIdPath.Problem(created.Id) is { } problem)
        {
            throw new PerplexityProtocolException($"The created run's id cannot be polled: {_waits.Redactor.Redact(problem)}");
        }

        try
        {
            return await WaitCoreAsync(created.Id, settings, progress is null ? null : progress.Report, created, cancellationToken).ConfigureAwait(false);
        }
        catch (PerplexityWaitCanceledException ex) when (_cancelAbandonedRuns && cancellationToken.IsCancellationRequested)
        {
            var stopped = await CancelAbandonedAsync(created.Id).ConfigureAwait(false);
            var id = _waits.Redactor.Redact(created.Id);
            throw new PerplexityWaitCanceledException(
                stopped
                    ? $"Waiting for run '{id}' was cancelled, and the run was asked to stop (it stops billing once it is cancelled)."
                    : $"Waiting for run '{id}' was cancelled; asking the run to stop failed, so it may still be running (and billing): cancel it with CancelAsync.",
                created.Id,
                ex.InnerException,
                cancellationToken)
            {
                RunCancelRequested = stopped,
            };
        }
    }

    /// <summary>
    /// Best effort, bounded in time on the client's clock: one cancel request (with the transport's retries). True when
    /// the API accepted it or answered that the run was already terminal.
    /// </summary>
    private async Task<bool> CancelAbandonedAsync(string responseId)
    {
#if NET
        using var timeout = new CancellationTokenSource(AgentPollingDefaults.AbandonedRunCancelTimeout, _waits.TimeProvider);
#else
        using var timeout = _waits.TimeProvider.CreateCancellationTokenSource(AgentPollingDefaults.AbandonedRunCancelTimeout);
#endif
        try
        {
            await RequestCancelAsync(responseId, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (PerplexityBadRequestException ex) when (IsAlreadyTerminal(ex))
        {
            return true;
        }
#pragma warning disable CA1031 // Best effort: the caller's cancellation is what is reported; this failure is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (_waits.Logger.IsEnabled(LogLevel.Warning))
            {
                var id = _waits.Redactor.Redact(responseId)!;
                var reason = _waits.Redactor.Redact(ex.Message)!;
                Diagnostics.Log.AbandonedRunNotCancelled(_waits.Logger, id, reason);
            }

            return false;
        }
    }
}
