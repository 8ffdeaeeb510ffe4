using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Perplexity.Async.Diagnostics;
using Perplexity.Async.Errors;
using Perplexity.Async.Serialization;

namespace Perplexity.Async.Transport;

/// <summary>
/// Sends one logical API call and returns its typed result: builds the request (auth, user agent, headers,
/// query), maps network failures, non-success statuses and unexpected bodies to the SDK's exceptions, and
/// deserializes success bodies straight from the response stream.
/// </summary>
internal sealed class PerplexityTransport
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _httpClient;
    private volatile bool _disposed;
    private readonly TransportResilience _resilience;

    public PerplexityTransport(HttpClient httpClient, ClientSettings settings, Budget.RequestBudget? budget = null)
    {
        _httpClient = httpClient;
        Settings = settings;
        Budget = budget;
        _resilience = new TransportResilience(settings.Retry, settings.TimeProvider, settings.Logger, settings.Redactor, budget);
    }

    public ClientSettings Settings { get; }

    /// <summary>The client's request budget (shared by the clients of one name under dependency injection); null when off.</summary>
    public Budget.RequestBudget? Budget { get; }

    /// <summary>
    /// Sends a call under the client's retries and timeouts: attempts are retried while transient, and the whole
    /// call (attempts, delays, reading the body) is bounded by the request timeout.
    /// </summary>
    /// <remarks>
    /// Internally every step returns a <see cref="ValueTask{TResult}"/> (pooled on .NET when it suspends), so a call
    /// allocates one <see cref="Task{TResult}"/>, the one the public API returns, instead of one per layer.
    /// </remarks>
    public Task<T> SendAsync<T>(PerplexityRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        _disposed
            ? Task.FromException<T>(Disposed(request, inFlight: false))
            : _resilience.RunAsync(
            request,
            (Transport: this, Request: request, TypeInfo: typeInfo),
            static (s, token) => s.Transport.SendWithRetriesAsync(s.Request, s.TypeInfo, token),
            cancellationToken).AsTask();

#if NET
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    private async ValueTask<T> SendWithRetriesAsync<T>(PerplexityRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await _resilience.SendAsync(
            request,
            (Transport: this, Request: request),
            static (s, token) => s.Transport.SendOnceAsync(s.Request, token),
            cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await CreateApiExceptionAsync(response, request, cancellationToken).ConfigureAwait(false);
        }

        return await ReadJsonAsync(response, request, typeInfo, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a call whose answer is an event stream, under the client's retries and timeouts up to the response headers
    /// (the body is read by the caller, for as long as the stream lasts): returns the successful response, whose body is
    /// <c>text/event-stream</c>. An error status throws as <see cref="SendAsync{T}"/> does.
    /// </summary>
    /// <exception cref="PerplexityProtocolException">The answer is a success but not an event stream.</exception>
    public Task<HttpResponseMessage> OpenEventStreamAsync(PerplexityRequest request, CancellationToken cancellationToken) =>
        _disposed
            ? Task.FromException<HttpResponseMessage>(Disposed(request, inFlight: false))
            : _resilience.RunAsync(
            request,
            (Transport: this, Request: request),
            static (s, token) => s.Transport.OpenEventStreamWithRetriesAsync(s.Request, token),
            cancellationToken).AsTask();

    private async ValueTask<HttpResponseMessage> OpenEventStreamWithRetriesAsync(PerplexityRequest request, CancellationToken cancellationToken)
    {
        var response = await _resilience.SendAsync(
            request,
            (Transport: this, Request: request),
            static (s, token) => s.Transport.SendOnceAsync(s.Request, token),
            cancellationToken).ConfigureAwait(false);
        try
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await CreateApiExceptionAsync(response, request, cancellationToken).ConfigureAwait(false);
            }

            var mediaType = ResponseMediaType.Of(response.Content);
            if (!string.Equals(mediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase))
            {
                throw new PerplexityProtocolException(
                    $"{request.Method.Method} {request.RouteTemplate} asked for an event stream but the content type is '{Settings.Redact(mediaType ?? "(none)")}'.",
                    response.StatusCode);
            }

            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

#if NET
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    private async ValueTask<HttpResponseMessage> SendOnceAsync(PerplexityRequest request, CancellationToken cancellationToken)
    {
        using var message = CreateMessage(request);
        using var diagnostics = HttpCallDiagnostics.Start(request, Settings);

        // Taken before sending: a handler that follows a redirect changes the message's RequestUri to where it went.
        var sentTo = message.RequestUri!;
        HttpResponseMessage response;
        try
        {
            response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            diagnostics.Responded(response);
        }
        catch (Exception ex) when (diagnostics.Failed(ex))
        {
            // Never entered: the filter only records the failure, so the handlers below still see the exception.
            throw;
        }
        catch (HttpRequestException ex)
        {
            // .NET quotes an invalid status or header line in its message, so a server can make it carry the key.
            throw new PerplexityConnectionException(
                $"{request.Method.Method} {request.RouteTemplate} got no answer: {Settings.Redact(ex.Message)}", Settings.Redactor.Sanitize(ex))
            {
                NotSent = ConnectionFailure.NeverReachedTheServer(ex),
            };
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the caller's token: the client was disposed, its HttpClient was (or cancelled its pending requests),
            // or HttpClient.Timeout ran out, which it cannot have when it is infinite (as the SDK's own clients are).
            if (_disposed)
            {
                throw Disposed(request, inFlight: true);
            }

            if (_httpClient.Timeout == Timeout.InfiniteTimeSpan && ex.InnerException is not TimeoutException)
            {
                throw new ObjectDisposedException(
                    nameof(HttpClient),
                    $"{request.Method.Method} {request.RouteTemplate} was cancelled by its HttpClient while in flight: the HttpClient was disposed, or CancelPendingRequests was called.");
            }

            var limit = _httpClient.Timeout == Timeout.InfiniteTimeSpan ? "in the HTTP pipeline" : $"after {_httpClient.Timeout} (HttpClient.Timeout)";
            throw new PerplexityTimeoutException(
                $"{request.Method.Method} {request.RouteTemplate} timed out {limit}.",
                _httpClient.Timeout,
                innerException: ex);
        }
        catch (Exception ex) when (HandlerFailure.IsWrapped(ex))
        {
            // A handler of the caller's pipeline (a circuit breaker, a rate limiter, a bug) threw: typed, never raw.
            throw HandlerFailure.Wrap(ex, request.Method.Method, request.RouteTemplate, request.RedactedRequestId(Settings.Redactor), Settings.Redactor);
        }

        // Every attempt's answer tells the budget how much of the service's window is left (and a 429, to stop).
        Budget?.Observe(response);
        RefuseRedirectElsewhere(response, sentTo);
        return response;
    }

    /// <summary>
    /// Marks the client disposed, before its <see cref="HttpClient"/> is: a call in flight then reports the disposal, not
    /// a timeout, and a call after it fails at once.
    /// </summary>
    public void MarkDisposed() => _disposed = true;

    private ObjectDisposedException Disposed(PerplexityRequest request, bool inFlight)
    {
        var what = $"{request.Method.Method} {request.RouteTemplate}";
        var advice = Settings.Registration is null
            ? "Create a new client, and dispose it only when no call needs it any more."
            : "It came from dependency injection, which disposes a client with the scope it was resolved from: resolve it "
              + "where it is used (inject it into a service of the same or a shorter lifetime) rather than keeping it past its scope.";
        return new(
            nameof(PerplexityAsyncClient),
            inFlight
                ? $"{Settings.ClientDescription} was disposed while {what} was in flight. {advice}"
                : $"{Settings.ClientDescription} is disposed; {what} was not sent. {advice}");
    }

    /// <summary>
    /// The client's own handler and the one <c>AddPerplexityAsync</c> configures never follow redirects; a handler the
    /// caller put in their place may. A response that ended on another scheme, host or port than the request was sent
    /// to is not the API's answer (a 302 on a create turns into a GET there), so it is refused.
    /// </summary>
    private void RefuseRedirectElsewhere(HttpResponseMessage response, Uri original)
    {
        var final = response.RequestMessage?.RequestUri;
        if (final is null || ReferenceEquals(final, original) || Uri.Compare(
                final, original, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            return;
        }

        response.Dispose();
        throw new PerplexityProtocolException(
            $"The request to {Settings.Redact(original.GetLeftPart(UriPartial.Authority))} was redirected to "
            + $"{Settings.Redact(final.GetLeftPart(UriPartial.Authority))} by an HTTP handler that follows redirects; the answer of "
            + "another host is refused. Keep the handler AddPerplexityAsync configures, or set AllowAutoRedirect = false on yours.",
            response.StatusCode);
    }

    private async Task<PerplexityApiException> CreateApiExceptionAsync(
        HttpResponseMessage response, PerplexityRequest request, CancellationToken cancellationToken)
    {
        var body = await ErrorBodyReader.ReadAsync(
            response.Content, response.StatusCode, ClientDefaults.MaxErrorBodyBytes, Settings.Redactor, cancellationToken).ConfigureAwait(false);
        return ApiExceptionFactory.Create(
            response.StatusCode,
            request.Method,
            request.RouteTemplate,
            request.RequestId,
            body,
            RetryAfterRule.Read(response, Settings.TimeProvider),
            TransientRule.ShouldRetry(response),
            RateLimitHeaders.Read(response),
            Settings.Redactor,
            RequestedUrl(request),
            Settings.BaseAddress);
    }

    /// <summary>The URL a request goes to, with the key masked: for messages that must say where a request went.</summary>
    private string RequestedUrl(PerplexityRequest request) => Settings.Redact(request.UriAfter(Settings.RequestUriPrefix))!;

    /// <summary>The sentence a protocol error ends with: the URL requested and, off Perplexity's host, the base address to check.</summary>
    private string Unexpected(PerplexityRequest request) =>
        RequestedAddress.Unexpected(request.Method.Method, RequestedUrl(request), Settings.BaseAddress);

    private HttpRequestMessage CreateMessage(PerplexityRequest request)
    {
        var message = new HttpRequestMessage(request.Method, new Uri(request.UriAfter(Settings.RequestUriPrefix), UriKind.Absolute));
        try
        {
            var headers = message.Headers;
            // Raw, prebuilt values: no header objects parsed or allocated per request (the key was validated once).
            headers.TryAddWithoutValidation("Authorization", Settings.AuthorizationHeaderValue);
            headers.TryAddWithoutValidation("Accept", request.Accept);
            headers.TryAddWithoutValidation("User-Agent", ClientSettings.UserAgent);
            RequestHeaders.Apply(headers, request.Options);
            if (request.Body is { } body)
            {
                message.Content = new ByteArrayContent(body);
                message.Content.Headers.ContentType = JsonContentType;
            }

            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

#if NET
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    private async ValueTask<T> ReadJsonAsync<T>(
        HttpResponseMessage response, PerplexityRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        var mediaType = ResponseMediaType.Of(response.Content);
#if NET
        var raw = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        var raw = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        using var body = new BoundedCapturingStream(raw, Settings.MaxResponseContentBytes, Settings.Redactor.LookAheadBytes);
        var redactor = Settings.Redactor;
        if (mediaType is not null && !IsJson(mediaType))
        {
            await DrainExcerptAsync(body, cancellationToken).ConfigureAwait(false);
            throw new PerplexityProtocolException(
                $"Expected a JSON body but the content type is '{redactor.Redact(mediaType)}'. {Unexpected(request)}", status, body.Excerpt(redactor));
        }

        try
        {
            // A body of unknown length (chunked, or decompressed by the caller's handler) may be a completed run of
            // hundreds of KB: only a length known to be small keeps the default buffer.
            var reader = response.Content.Headers.ContentLength is { } length && length < LargeBodyTypeInfo<T>.Threshold ? typeInfo : LargeBodyTypeInfo<T>.Value;
            return await JsonSerializer.DeserializeAsync(body, reader, cancellationToken).ConfigureAwait(false)
                ?? throw new PerplexityProtocolException($"The body is JSON null instead of an object. {Unexpected(request)}", status, body.Excerpt(redactor));
        }
        catch (InvalidDataException ex)
        {
            // A decompressing handler met a corrupt gzip or deflate body (brotli's InvalidOperationException is below).
            throw BodyDecoding.Error(ex, status, redactor);
        }
        catch (Exception ex) when (IsMalformedBody(ex))
        {
            // A JSON error quotes the JSON path, and a property name can be the key.
            var what = body.BytesRead == 0 ? "The body is empty" : "The body is not the documented JSON";
            throw new PerplexityProtocolException($"{what}: {Sentence(redactor.Redact(ex.Message))} {Unexpected(request)}", status, body.Excerpt(redactor), redactor.Sanitize(ex));
        }
        catch (PerplexityProtocolException ex) when (body.LimitExceeded)
        {
            // The size guard fires inside the stream, which knows neither the status nor the redaction.
            throw new PerplexityProtocolException($"{Sentence(ex.Message)} {Unexpected(request)}", status, body.Excerpt(redactor), ex);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw new PerplexityConnectionException(
                $"The connection broke while reading the body: {redactor.Redact(ex.Message)}", redactor.Sanitize(ex));
        }
    }

    private static string Sentence(string? text) =>
        string.IsNullOrEmpty(text) || text!.EndsWith(".", StringComparison.Ordinal) ? text ?? string.Empty : text + ".";

    private static bool IsMalformedBody(Exception ex) =>
        ex is JsonException or FormatException or OverflowException or DecoderFallbackException
            or ArgumentException or InvalidOperationException
        && ex is not ObjectDisposedException;

    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private static async Task DrainExcerptAsync(BoundedCapturingStream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[ClientDefaults.BodyExcerptBytes];
        try
        {
            // The excerpt and its look-ahead, so the excerpt can be redacted before it is cut.
            while (body.Position < body.ExcerptCapacity
                && await body.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (Exception ex) when (ex is IOException or PerplexityProtocolException || BodyDecoding.Failed(ex))
        {
            // The excerpt is a courtesy; the content type is the error.
        }
    }
}
