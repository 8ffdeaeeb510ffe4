using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Perplexity.Async.Testing.Internal.Agent;

namespace Perplexity.Async.Testing.Internal;

/// <summary>
/// Carries out an injected request fault: an error answer (the Agent error envelope and rate-limit headers on the
/// Agent routes, the legacy one elsewhere), a timeout, a hang, a refused connection or a delayed normal answer.
/// </summary>
internal sealed class FaultApplier
{
    private readonly TimeProvider _time;
    private readonly AgentDispatcher _agent;
    private readonly Func<HttpRequestMessage, string?, CancellationToken, Task<HttpResponseMessage>> _dispatch;

    public FaultApplier(TimeProvider time, AgentDispatcher agent, Func<HttpRequestMessage, string?, CancellationToken, Task<HttpResponseMessage>> dispatch)
    {
        _time = time;
        _agent = agent;
        _dispatch = dispatch;
    }

    public async Task<HttpResponseMessage> ApplyAsync(Fault fault, HttpRequestMessage request, string? body, CancellationToken cancellationToken)
    {
        switch (fault.Kind)
        {
            case FaultKind.Respond:
                return FaultResponse(fault, _agent.Match(request.RequestUri) is not null);
            case FaultKind.TimeOut:
                throw new TaskCanceledException(
                    "The request was canceled due to the configured HttpClient.Timeout elapsing (emulated).",
                    new TimeoutException("The operation was canceled (emulated timeout)."));
            case FaultKind.FailConnection:
                throw new HttpRequestException(
                    "No connection could be made because the target machine actively refused it (emulated).",
                    new SocketException((int)SocketError.ConnectionRefused));
            case FaultKind.Hang:
                await WaitAsync(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
                throw new OperationCanceledException(cancellationToken);
            default:
                await WaitAsync(fault.Delay, cancellationToken).ConfigureAwait(false);
                return await _dispatch(request, body, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
#if NET
        return Task.Delay(delay, _time, cancellationToken);
#else
        return _time.Delay(delay, cancellationToken);
#endif
    }

    private HttpResponseMessage FaultResponse(Fault fault, bool agentRoute)
    {
        var status = (int)fault.StatusCode;
        HttpResponseMessage response;
        if (fault.Body is null && agentRoute)
        {
            response = _agent.FaultAnswer(fault.StatusCode);
        }
        else if (fault.Body is null)
        {
            response = RequestDispatcher.Json(fault.StatusCode, EmulatorJson.Error(DefaultMessage(status), DefaultType(status), status));
        }
        else
        {
            response = new HttpResponseMessage(fault.StatusCode) { Content = new StringContent(fault.Body) };
            response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(fault.MediaType);
            if (agentRoute)
            {
                _agent.StampFault(response);
            }
        }

        if (fault.RetryAfter is { } retryAfter)
        {
            var seconds = (long)Math.Ceiling(retryAfter.TotalSeconds);
            response.Headers.TryAddWithoutValidation("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
        }

        return response;
    }

    private static string DefaultMessage(int status) => status switch
    {
        429 => "Rate limit exceeded. Please slow down (emulated).",
        >= 500 => "The server had an error while processing your request (emulated).",
        _ => $"The request failed with status {status} (emulated).",
    };

    private static string DefaultType(int status) => status switch
    {
        429 => "rate_limit_exceeded",
        >= 500 => "server_error",
        _ => "invalid_request_error",
    };
}
