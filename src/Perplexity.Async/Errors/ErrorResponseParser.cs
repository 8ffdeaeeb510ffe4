using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Perplexity.Async.Serialization;

namespace Perplexity.Async.Errors;

/// <summary>
/// Reads the error shapes the API is known to send: FastAPI's <c>{"detail": [...]}</c> or
/// <c>{"detail": "..."}</c>, and <c>{"error": {"message", "type", "code", "param"}}</c> (the Agent API's, <c>code</c> a string or an integer) (or <c>{"error": "..."}</c>).
/// Anything else (an HTML page from a gateway) is left as raw text.
/// </summary>
internal static class ErrorResponseParser
{
    public static ParsedError Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return ParsedError.Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(body!);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ParsedError.Empty;
            }

            if (root.TryGetProperty("detail", out var detail))
            {
                return FromDetail(detail);
            }

            if (root.TryGetProperty("error", out var error))
            {
                return FromError(error);
            }

            return root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
                ? new ParsedError(message.GetString(), null, null, Array.Empty<ValidationError>())
                : ParsedError.Empty;
        }
        catch (JsonException)
        {
            return ParsedError.Empty;
        }
    }

    private static ParsedError FromDetail(JsonElement detail)
    {
        if (detail.ValueKind == JsonValueKind.String)
        {
            return new ParsedError(detail.GetString(), null, null, Array.Empty<ValidationError>());
        }

        if (detail.ValueKind != JsonValueKind.Array)
        {
            return ParsedError.Empty;
        }

        var errors = new List<ValidationError>();
        foreach (var item in detail.EnumerateArray())
        {
            try
            {
                if (item.Deserialize(PerplexityJsonContext.Default.ValidationError) is { } error)
                {
                    errors.Add(error);
                }
            }
            catch (JsonException)
            {
                // One odd entry must not hide the others.
            }
        }

        var message = errors.Count == 0
            ? null
            : string.Join("; ", errors.Select(e => e.Path.Length == 0 ? e.Message : e.Path + ": " + e.Message));
        return new ParsedError(message, null, null, errors);
    }

    private static ParsedError FromError(JsonElement error)
    {
        if (error.ValueKind == JsonValueKind.String)
        {
            return new ParsedError(error.GetString(), null, null, Array.Empty<ValidationError>());
        }

        if (error.ValueKind != JsonValueKind.Object)
        {
            return ParsedError.Empty;
        }

        return new ParsedError(
            StringOf(error, "message"),
            StringOf(error, "type"),
            StringOf(error, "code"),
            Array.Empty<ValidationError>())
        {
            Param = StringOf(error, "param"),
        };
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
