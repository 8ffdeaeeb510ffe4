using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;

namespace Perplexity.Async.Errors;

/// <summary>Turns a non-success response into the typed exception for its status, with the body parsed and redacted.</summary>
internal static class ApiExceptionFactory
{
    /// <summary>Builds the exception for a failed response.</summary>
    /// <param name="status">The response's status.</param>
    /// <param name="method">The request's method.</param>
    /// <param name="routeTemplate">The route template, without ids.</param>
    /// <param name="requestId">The job or run id the request was about, as the caller gave it.</param>
    /// <param name="body">
    /// The start of the body, already redacted and cut by the reader (<see cref="Redactor.RedactAndCut"/>, which masks
    /// before it cuts, so a key across the cut leaves nothing behind).
    /// </param>
    /// <param name="retryAfter">The server's <c>Retry-After</c>, when it sent one.</param>
    /// <param name="shouldRetry">The server's <c>x-should-retry</c> verdict, when it sent one.</param>
    /// <param name="rateLimit">The response's <c>x-ratelimit-*</c> headers, when it had them.</param>
    /// <param name="redactor">Masks the API key in everything taken from the response.</param>
    /// <param name="requestUrl">The URL that was requested, already redacted: a 404's message names it.</param>
    /// <param name="baseAddress">The client's base address: a 404's message says when to check it.</param>
    public static PerplexityApiException Create(
        HttpStatusCode status,
        HttpMethod method,
        string routeTemplate,
        string? requestId,
        string? body,
        TimeSpan? retryAfter,
        bool? shouldRetry,
        PerplexityRateLimitInfo? rateLimit,
        Redactor redactor,
        string requestUrl,
        Uri baseAddress)
    {
        var text = redactor.Redact(body);
        var parsed = ErrorResponseParser.Parse(text);
        var details = new PerplexityErrorDetails
        {
            StatusCode = status,
            Method = method,
            Route = routeTemplate,
            RequestId = requestId,
            ResponseBody = string.IsNullOrEmpty(text) ? null : text,
            RetryAfter = retryAfter,
            ShouldRetry = shouldRetry,
            // The body was redacted as raw text, but a JSON escape (\u0070...) only turns into the key when parsed.
            ErrorMessage = redactor.Redact(parsed.Message),
            ErrorType = redactor.Redact(parsed.Type),
            ErrorCode = redactor.Redact(parsed.Code),
            ErrorParam = redactor.Redact(parsed.Param),
            RateLimit = rateLimit,
            ValidationErrors = parsed.ValidationErrors.Select(e => e with { Message = redactor.Redact(e.Message)! }).ToArray(),
        };

        if ((int)status == 403 && string.Equals(details.ErrorType, PerplexityEndpointRetiredException.RetiredErrorType, StringComparison.OrdinalIgnoreCase))
        {
            return new PerplexityEndpointRetiredException(DescribeRetired(details, redactor), details);
        }

        var message = Describe(details, redactor);
        if ((int)status == 404)
        {
            message += " " + RequestedAddress.NotFound(method.Method, requestUrl, baseAddress, requestId is not null);
        }

        return (int)status switch
        {
            400 => new PerplexityBadRequestException(message, details),
            401 or 403 => new PerplexityAuthenticationException(message, details),
            404 => new PerplexityNotFoundException(message, details),
            413 => new PerplexityPayloadTooLargeException(message, details),
            422 => new PerplexityValidationException(message, details),
            424 => new PerplexityConnectorException(message, details),
            429 => new PerplexityRateLimitException(message, details),
            >= 500 and < 600 => new PerplexityServerException(message, details),
            _ => new PerplexityApiException(message, details),
        };
    }

    private static string DescribeRetired(PerplexityErrorDetails details, Redactor redactor) =>
        $"{details.Method.Method} {details.Route} is retired: Perplexity ended the async chat-completions routes on 2026-09-27 "
        + "and answers them with 403 chat_completions_not_available. Use client.Agent (the Agent API's background mode: "
        + $"CreateAsync, WaitForCompletionAsync, RunAsync); migration guide: {PerplexityEndpointRetiredException.MigrationGuide}. "
        + $"The API said: {details.ErrorMessage ?? redactor.Redact(details.ResponseBody) ?? "(nothing)"}";

    private static string Describe(PerplexityErrorDetails details, Redactor redactor)
    {
        var builder = new StringBuilder()
            .Append(details.Method.Method).Append(' ').Append(details.Route)
            .Append(" failed with ").Append((int)details.StatusCode).Append(' ').Append(ReasonOf(details.StatusCode));
        if (details.RequestId is not null)
        {
            builder.Append(" for request id '").Append(redactor.Redact(details.RequestId)).Append('\'');
        }

        // The API's own sentence usually ends with a period; the message adds its own, once.
        var reason = (details.ErrorMessage ?? Shorten(details.ResponseBody))?.Trim().TrimEnd('.');
        if (!string.IsNullOrEmpty(reason))
        {
            builder.Append(": ").Append(reason);
        }

        var kind = (details.ErrorType, details.ErrorCode) switch
        {
            (null, null) => null,
            ({ } type, null) => $"type '{type}'",
            (null, { } code) => $"code '{code}'",
            ({ } type, { } code) => $"type '{type}', code '{code}'",
        };
        if (kind is not null)
        {
            builder.Append(" (").Append(kind).Append(')');
        }

        if (details.ErrorParam is not null)
        {
            builder.Append(" (param '").Append(details.ErrorParam).Append("')");
        }

        return builder.Append('.').ToString();
    }

    private static string ReasonOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.NotFound => "Not Found",
        (HttpStatusCode)422 => "Unprocessable Entity",
        (HttpStatusCode)429 => "Too Many Requests",
        _ => status.ToString(),
    };

    private static string? Shorten(string? body) =>
        body is null ? null : body.Length <= 200 ? body.Trim() : body.Substring(0, 200).Trim() + "…";
}
