using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Perplexity.Async.Transport;

/// <summary>Writes the <see cref="AsyncRequestOptions"/> headers onto a request, validating each one.</summary>
internal static class RequestHeaders
{
    public static void Apply(HttpRequestHeaders headers, AsyncRequestOptions? options)
    {
        if (options is null)
        {
            return;
        }

        Add(headers, "x-client-name", options.ClientName);
        Add(headers, "x-client-env", options.ClientEnv);
        Add(headers, "x-user-id", options.UserId);
        Add(headers, "x-usage-tier", options.UsageTier);
        Add(headers, "x-request-time", options.RequestTime);
        Add(headers, "x-created-at-epoch-seconds", options.CreatedAtEpochSeconds);
        if (options.Headers.Count == 0)
        {
            return; // Enumerating the dictionary through its interface would allocate an enumerator.
        }

        foreach (KeyValuePair<string, string> header in options.Headers)
        {
            if (string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException("The Authorization header comes from the client's API key and cannot be set per request.", nameof(options));
            }

            Add(headers, header.Key, header.Value);
        }
    }

    private static void Add(HttpRequestHeaders headers, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        // CR or LF in a value would let a caller inject headers; HttpClient rejects them only on some paths.
        if (value.IndexOf('\r') >= 0 || value.IndexOf('\n') >= 0)
        {
            throw new ArgumentException($"The value of header '{name}' contains a line break.", nameof(value));
        }

        try
        {
            headers.Remove(name);
            headers.Add(name, value);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            throw new ArgumentException($"'{name}' is not a valid request header name or its value is invalid: {ex.Message}", nameof(name), ex);
        }
    }
}
