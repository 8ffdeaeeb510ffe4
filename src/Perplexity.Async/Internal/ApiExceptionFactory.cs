using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Perplexity.Async.Internal;

/// <summary>Turns a non-success response into the typed exception for its status, with the body parsed.</summary>
internal static class ApiExceptionFactory
{
    public static async Task<PerplexityApiException> CreateAsync(
        HttpResponseMessage response, PerplexityRequest request, ClientSettings settings, CancellationToken cancellationToken)
    {
        var body = settings.Redact(await ReadCappedAsync(response.Content, cancellationToken).ConfigureAwait(false));
        var parsed = ErrorResponseParser.Parse(body);
        var details = new PerplexityErrorDetails
        {
            StatusCode = response.StatusCode,
            Method = request.Method,
            Route = request.RouteTemplate,
            RequestId = request.RequestId,
            ResponseBody = string.IsNullOrEmpty(body) ? null : body,
            RetryAfter = RetryAfter(response, settings.TimeProvider),
            // The body was redacted as raw text, but a JSON escape (\u0070...) only turns into the key when parsed.
            ErrorMessage = settings.Redact(parsed.Message),
            ErrorType = settings.Redact(parsed.Type),
            ErrorCode = settings.Redact(parsed.Code),
            ValidationErrors = parsed.ValidationErrors.Select(e => e with { Message = settings.Redact(e.Message)! }).ToArray(),
        };

        var message = Describe(details);
        var status = (int)details.StatusCode;
        return status switch
        {
            401 or 403 => new PerplexityAuthenticationException(message, details),
            404 => new PerplexityNotFoundException(message, details),
            422 => new PerplexityValidationException(message, details),
            429 => new PerplexityRateLimitException(message, details),
            >= 500 => new PerplexityServerException(message, details),
            _ => new PerplexityApiException(message, details),
        };
    }

    /// <summary>
    /// The server's wait hint: <c>retry-after-ms</c> first (as the official SDKs read it), then <c>Retry-After</c> in
    /// seconds or as an HTTP date. Null when absent, unparsable or negative.
    /// </summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds)
            && milliseconds >= 0 && milliseconds < TimeSpan.MaxValue.TotalMilliseconds)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static string Describe(PerplexityErrorDetails details)
    {
        var builder = new StringBuilder()
            .Append(details.Method.Method).Append(' ').Append(details.Route)
            .Append(" failed with ").Append((int)details.StatusCode).Append(' ').Append(ReasonOf(details.StatusCode));
        if (details.RequestId is not null)
        {
            builder.Append(" for request id '").Append(details.RequestId).Append('\'');
        }

        var reason = details.ErrorMessage ?? Shorten(details.ResponseBody);
        if (!string.IsNullOrEmpty(reason))
        {
            builder.Append(": ").Append(reason);
        }

        if (details.ErrorType is not null || details.ErrorCode is not null)
        {
            builder.Append(" (type '").Append(details.ErrorType ?? "-").Append("', code '").Append(details.ErrorCode ?? "-").Append("')");
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

    private static async Task<string?> ReadCappedAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return null;
        }

        try
        {
#if NET
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            var buffer = new byte[ClientDefaults.MaxErrorBodyBytes];
            var length = 0;
            int read;
            while (length < buffer.Length
                && (read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }

            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            // The status already tells what went wrong; a body cut off by the network adds nothing.
            return null;
        }
    }
}
