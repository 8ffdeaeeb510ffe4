using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using Perplexity.Async.Testing.Internal;

namespace Perplexity.Async.Testing;

/// <summary>
/// One request the emulator received, kept for assertions: method, address, headers (request and content),
/// body, when it arrived and the status it was answered with.
/// </summary>
public sealed class RecordedRequest
{
    private int _statusCode;

    internal RecordedRequest(HttpRequestMessage request, string? body, DateTimeOffset receivedAt)
    {
        Method = request.Method;
        Uri = request.RequestUri ?? new Uri("/", UriKind.Relative);
        Body = body;
        ReceivedAt = receivedAt;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = string.Join(", ", header.Value);
        }

        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }
        }

        Headers = headers;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The full request address.</summary>
    public Uri Uri { get; }

    /// <summary>The path as sent (percent-encoding kept), for example <c>/v1/async/sonar/abc</c>.</summary>
    public string Path => Uri.IsAbsoluteUri ? Uri.AbsolutePath : Uri.OriginalString;

    /// <summary>The query string without the leading <c>?</c>, as sent; empty when there is none.</summary>
    public string Query => Uri.IsAbsoluteUri && Uri.Query.Length > 1 ? Uri.Query.Substring(1) : string.Empty;

    /// <summary>Every header, request and content ones together, by case-insensitive name; several values are joined with <c>", "</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body as text; <see langword="null"/> when there was none.</summary>
    public string? Body { get; }

    /// <summary>When it arrived, on the emulator's clock.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>
    /// The status it was answered with; <see langword="null"/> while it is being handled or when it ended without an
    /// answer (an injected timeout, hang or connection failure, or a cancellation).
    /// </summary>
    public HttpStatusCode? StatusCode
    {
        get
        {
            var value = Volatile.Read(ref _statusCode);
            return value == 0 ? null : (HttpStatusCode)value;
        }
    }

    /// <summary>A header's value, or <see langword="null"/> when it was not sent.</summary>
    /// <param name="name">The header name, in any case.</param>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>A query parameter's decoded value, or <see langword="null"/> when it was not sent.</summary>
    /// <param name="name">The parameter name (case-sensitive).</param>
    public string? QueryParameter(string name) =>
        QueryString.Parse(Query).Where(p => p.Key == name).Select(p => p.Value).FirstOrDefault();

    /// <summary>Describes the request for test output, for example <c>GET /v1/async/sonar/abc → 200</c>.</summary>
    public override string ToString() =>
        $"{Method.Method} {Path}{(Query.Length == 0 ? "" : "?" + Query)} → {(StatusCode is { } status ? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture) : "no answer")}";

    internal void Answered(HttpStatusCode statusCode) => Volatile.Write(ref _statusCode, (int)statusCode);
}
