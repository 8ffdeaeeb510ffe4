using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>
/// Answers requests on the Agent API routes (<c>v1/agent</c>, <c>v1/responses</c>) as the live service does:
/// checks the key, counts the request against the rate limit, serves create, snapshot, resume and cancel from the
/// run store, and stamps <c>x-request-id</c> and <c>x-ratelimit-*</c> on every answer.
/// </summary>
internal sealed class AgentDispatcher
{
    private readonly EmulatorSettings _settings;
    private readonly AgentRunStore _store;
    private readonly EmulatorFaults _faults;
    private readonly AgentRateLimiter _limiter;

    public AgentDispatcher(EmulatorSettings settings, AgentRunStore store, EmulatorFaults faults)
    {
        _settings = settings;
        _store = store;
        _faults = faults;
        _limiter = new AgentRateLimiter(settings.Agent.RateLimit);
    }

    public AgentRouteMatch? Match(Uri? uri) => AgentRoutes.Match(uri, _settings.BaseAddress);

    public void Reset() => _limiter.Reset();

    public async Task<HttpResponseMessage> DispatchAsync(AgentRouteMatch match, HttpRequestMessage request, string? body, CancellationToken cancellationToken)
    {
        string? runId = match.Id;
        HttpResponseMessage response;
        AgentRateLimitState limit;
        if (Unauthorized(request.Headers.Authorization))
        {
            limit = _limiter.Peek(_store.Now);
            response = Error(new RunError(HttpStatusCode.Unauthorized, "Invalid API key provided. Ensure your API key is correct and active.", "invalid_api_key"));
        }
        else if ((limit = _limiter.Take(_store.Now)).Exceeded)
        {
            response = Error(new RunError((HttpStatusCode)429, "Rate limit exceeded: too many requests per second. Retry after the reset time.", "request_rate_limit_exceeded"));
            var seconds = Math.Max(1, (long)Math.Ceiling(limit.UntilReset.TotalSeconds));
            response.Headers.TryAddWithoutValidation("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            (response, runId) = match.Kind switch
            {
                AgentRouteKind.Collection when request.Method == HttpMethod.Post => await CreateAsync(match, request, body, cancellationToken).ConfigureAwait(false),
                AgentRouteKind.Run when request.Method == HttpMethod.Get => (Get(match.Id!, request), runId),
                AgentRouteKind.Cancel when request.Method == HttpMethod.Post => (Cancel(match.Id!), runId),
                AgentRouteKind.Unknown => (Error(RunError.NotFound()), null),
                AgentRouteKind.Run => (MethodNotAllowed("GET"), runId),
                _ => (MethodNotAllowed("POST"), runId),
            };
        }

        Stamp(response, limit, runId);
        return response;
    }

    /// <summary>An injected fault's answer on an Agent route: the Agent error envelope and the rate-limit headers.</summary>
    public HttpResponseMessage FaultAnswer(HttpStatusCode status)
    {
        var code = (int)status;
        var (message, type) = code switch
        {
            429 => ("Rate limit exceeded: too many requests per second (emulated).", "request_rate_limit_exceeded"),
            502 => ("Bad gateway (emulated).", "bad_gateway"),
            504 => ("Gateway timeout (emulated).", "gateway_timeout"),
            >= 500 => ("The server had an error while processing your request (emulated).", "internal_error"),
            _ => ($"The request failed with status {code} (emulated).", "invalid_request"),
        };
        var response = Error(new RunError(status, message, type));
        StampFault(response);
        return response;
    }

    /// <summary>Adds the rate-limit headers (with nothing remaining on a 429) and a request id to an injected fault's answer.</summary>
    public void StampFault(HttpResponseMessage response)
    {
        var limit = _limiter.Peek(_store.Now);
        Stamp(response, (int)response.StatusCode == 429 ? limit with { Remaining = 0 } : limit, null);
    }

    private async Task<(HttpResponseMessage, string?)> CreateAsync(AgentRouteMatch match, HttpRequestMessage request, string? body, CancellationToken cancellationToken)
    {
        if (body is not null && Encoding.UTF8.GetByteCount(body) > _store.Settings.MaxRequestBodyBytes)
        {
            return (Error(new RunError((HttpStatusCode)413, "request body too large: the limit is 32 MiB", "payload_too_large")), null);
        }

        var error = AgentBodyValidator.Parse(body, _store.Settings.AcceptsOptInFields, _store.Settings.ValidateRequests, out var parsed);
        if (error is null && parsed!.PreviousResponseId is { } previous
            && (_store.Find(previous) is not { } prior || _store.Read(now => prior.StatusAt(prior.LastDueIndex(now))) != "completed"))
        {
            error = RunError.Invalid("invalid request");
        }

        if (error is not null)
        {
            return (Error(error), null);
        }

        var run = _store.Create(parsed!, match.Route);
        if (parsed!.Stream)
        {
            return (Stream(run, -1, request.Method), run.Id);
        }

        if (!parsed.Background)
        {
            // A synchronous run is planned to end at once; one scripted never to finish answers when it is cancelled.
            while (_store.Read(now => run.IsTerminalAt(now) ? null : new Tuple<Task, TimeSpan?>(run.Changed, run.Terminal?.At - now)) is { } wait)
            {
                await AgentWaits.WaitAsync(wait.Item1, wait.Item2, _store.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }

        return (Json(HttpStatusCode.OK, _store.Read(now => AgentJson.Response(run, run.LastDueIndex(now), now))), run.Id);
    }

    private HttpResponseMessage Get(string id, HttpRequestMessage request)
    {
        if (!AgentRoutes.IsWellFormedId(id))
        {
            return Error(RunError.Invalid("invalid response id"));
        }

        if (_store.Find(id) is not { Request.Store: true } run)
        {
            return Error(RunError.NotFound());
        }

        var query = QueryString.Parse(request.RequestUri!.Query.TrimStart('?')).ToList();
        var stream = query.Where(p => p.Key == "stream").Select(p => p.Value).LastOrDefault();
        if (!string.Equals(stream, "true", StringComparison.OrdinalIgnoreCase))
        {
            return Json(HttpStatusCode.OK, _store.Read(now => AgentJson.Response(run, run.LastDueIndex(now), now)));
        }

        var after = -1;
        var text = query.Where(p => p.Key == "starting_after").Select(p => p.Value).LastOrDefault();
        if (text is not null && !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out after))
        {
            return Error(RunError.Invalid("invalid starting_after: it must be an integer sequence number", "starting_after"));
        }

        if (!run.Resumable)
        {
            return Error(RunError.Invalid("stream resumption is only available for responses created with background and stream", "starting_after"));
        }

        return _store.Read(now => run.ReplayAvailable(now, _store.Settings.ReplayWindow))
            ? Stream(run, after, request.Method)
            : Error(RunError.Invalid("reconnect cursor expired"));
    }

    private HttpResponseMessage Cancel(string id)
    {
        if (!AgentRoutes.IsWellFormedId(id))
        {
            return Error(RunError.Invalid("invalid response id"));
        }

        var run = _store.Find(id);
        if (run is null && _store.Settings.CancelOfUnknownIdIsNotFound)
        {
            return Error(RunError.NotFound());
        }

        return run is not null && _store.TryCancel(run)
            ? Json(HttpStatusCode.OK, AgentJson.CancelAcknowledged(run.Id))
            : Error(RunError.Invalid("the run is already terminal and cannot be cancelled"));
    }

    private HttpResponseMessage Stream(AgentRun run, int startingAfter, HttpMethod method)
    {
        var fault = _faults.TakeStreamFault(method);
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new AgentStreamContent(() => new AgentEventStream(_store, run, startingAfter, fault)),
        };
        response.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        return response;
    }

    private bool Unauthorized(AuthenticationHeaderValue? authorization) =>
        authorization is null
        || !string.Equals(authorization.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
        || string.IsNullOrWhiteSpace(authorization.Parameter)
        || (_settings.ApiKey is { } expected && !string.Equals(authorization.Parameter, expected, StringComparison.Ordinal));

    private static void Stamp(HttpResponseMessage response, AgentRateLimitState limit, string? runId)
    {
        limit.AddHeaders(response);
        var requestId = runId is not null && runId.StartsWith("resp_", StringComparison.Ordinal) ? runId.Substring(5) : Guid.NewGuid().ToString("D");
        response.Headers.TryAddWithoutValidation("x-request-id", requestId);
    }

    private static HttpResponseMessage MethodNotAllowed(string allow)
    {
        var response = Error(new RunError(HttpStatusCode.MethodNotAllowed, "method not allowed", "method_not_allowed"));
        response.Content.Headers.TryAddWithoutValidation("Allow", allow);
        return response;
    }

    private static HttpResponseMessage Error(RunError error) => Json(error.Status, AgentJson.Error(error));

    private static HttpResponseMessage Json(HttpStatusCode status, byte[] body) => RequestDispatcher.Json(status, body);
}
