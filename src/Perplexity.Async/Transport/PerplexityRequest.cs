using System;
using System.Net.Http;
using Perplexity.Async.Errors;

namespace Perplexity.Async.Transport;

/// <summary>One logical API call: everything needed to build an HTTP request again for each attempt.</summary>
internal sealed class PerplexityRequest
{
    private string? _redactedRequestId;
    private string? _routeTemplate;
    private bool _requestIdRedacted;

    public PerplexityRequest(HttpMethod method, string route, string? requestId = null, AsyncRequestOptions? options = null)
    {
        Method = method;
        Route = route;
        RequestId = requestId;
        Options = options;
        EscapedRequestId = requestId is null ? null : RequestIdPath.Escape(requestId, "requestId");
        IsRetrySafe = method == HttpMethod.Get;
    }

    public HttpMethod Method { get; }

    /// <summary>The route without slashes at either end, for example <c>v1/async/sonar</c>.</summary>
    public string Route { get; }

    /// <summary>The job id as the caller gave it.</summary>
    public string? RequestId { get; }

    public string? EscapedRequestId { get; }

    /// <summary>
    /// The job id with the API key masked, for messages, logs and span tags: an id can come from a server (the id a
    /// create returned, used in a later GET), and a server can echo the key in it. Computed once per request, on
    /// first use (every attempt and every log line of the request reuses it).
    /// </summary>
    public string? RedactedRequestId(Redactor redactor)
    {
        if (!_requestIdRedacted)
        {
            // A race computes the same text twice; no lock needed.
            _redactedRequestId = redactor.Redact(RequestId);
            _requestIdRedacted = true;
        }

        return _redactedRequestId;
    }

    public AsyncRequestOptions? Options { get; }

    /// <summary>Extra query text without the leading <c>?</c>, already encoded.</summary>
    public string? Query { get; init; }

    /// <summary>The media type asked for (<c>Accept</c>): JSON, or <c>text/event-stream</c> for a streamed run.</summary>
    public string Accept { get; init; } = "application/json";

    /// <summary>The UTF-8 JSON body, serialized once so every retry sends the same bytes.</summary>
    public byte[]? Body { get; init; }

    /// <summary>
    /// Whether sending it twice does no harm, so transport retries may repeat it: true for GET; a POST only when its
    /// body carries an idempotency key.
    /// </summary>
    public bool IsRetrySafe { get; init; }

    /// <summary>
    /// A request that must not reach the server twice but carries no idempotency key (an Agent API create): retried
    /// only when it provably never reached the server (connection refused, DNS, TLS) or was refused with 429.
    /// </summary>
    public bool RetryOnlyIfUnsent { get; init; }

    /// <summary>
    /// Whether the transport retries this request when it fails transiently (and <see cref="IsRetrySafe"/>). False for
    /// a wait's polls: the wait retries failed polls on its own backoff, and the two would multiply.
    /// </summary>
    public bool TransportRetries { get; init; } = true;

    /// <summary>The name of the id in the route template: <c>api_request</c> (async chat completions), <c>response_id</c> (Agent API).</summary>
    public string IdName { get; init; } = "api_request";

    /// <summary>A last path segment after the id, for example <c>cancel</c>; none when null.</summary>
    public string? PathSuffix { get; init; }

    /// <summary>The route as a template, for logs, telemetry and messages: ids never appear in it. Built once.</summary>
    public string RouteTemplate => _routeTemplate ??= RouteTemplates.Of(Route, EscapedRequestId is null ? null : IdName, PathSuffix);

    /// <summary><paramref name="prefix"/> (the base address) followed by the path and query, built in one string.</summary>
    public string UriAfter(string prefix)
    {
        var localMode = Options?.LocalMode is { } mode ? (mode ? "local_mode=true" : "local_mode=false") : null;
        var query = Query is null ? localMode : localMode is null ? Query : localMode + "&" + Query;
        if (PathSuffix is null && query is null)
        {
            // A poll: one string, no intermediate path.
            return EscapedRequestId is null ? prefix + Route : string.Concat(prefix, Route, "/", EscapedRequestId);
        }

        return string.Concat(
            [prefix, Route, EscapedRequestId is null ? null : "/", EscapedRequestId, PathSuffix is null ? null : "/", PathSuffix, query is null ? null : "?", query]);
    }
}
