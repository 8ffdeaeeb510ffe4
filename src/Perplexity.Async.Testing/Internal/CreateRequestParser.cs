using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Perplexity.Async.Testing.Internal;

/// <summary>
/// Reads a create body, <c>{"request": {...}, "idempotency_key": "..."}</c>, and reports what FastAPI would
/// reject with 422. Only what the emulator needs is checked (the envelope, <c>model</c>, <c>messages</c>); the
/// other request fields are kept as sent, never interpreted.
/// </summary>
internal static class CreateRequestParser
{
    public static CreateRequest? Parse(string? body, bool validate, List<FieldError> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(string.IsNullOrEmpty(body) ? "" : body!);
        }
        catch (JsonException)
        {
            errors.Add(new FieldError(new object[] { "body", 0 }, "JSON decode error", "json_invalid"));
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new FieldError(new object[] { "body" }, "Input should be a valid dictionary or object to extract fields from", "model_attributes_type"));
                return null;
            }

            string? idempotencyKey = null;
            if (root.TryGetProperty("idempotency_key", out var key) && key.ValueKind != JsonValueKind.Null)
            {
                if (key.ValueKind == JsonValueKind.String)
                {
                    idempotencyKey = key.GetString();
                }
                else
                {
                    errors.Add(new FieldError(new object[] { "body", "idempotency_key" }, "Input should be a valid string", "string_type"));
                }
            }

            if (!root.TryGetProperty("request", out var request))
            {
                errors.Add(new FieldError(new object[] { "body", "request" }, "Field required", "missing"));
                return null;
            }

            if (request.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new FieldError(new object[] { "body", "request" }, "Input should be a valid dictionary or object to extract fields from", "model_attributes_type"));
                return null;
            }

            var model = ReadModel(request, errors);
            var prompt = ReadPrompt(request, errors);
            if (validate && model is not null)
            {
                LegacyRequestRules.Check(request, model, errors);
            }

            if (errors.Count > 0 || model is null || prompt is null)
            {
                return null;
            }

            return new CreateRequest
            {
                Model = model,
                Prompt = prompt,
                IdempotencyKey = idempotencyKey,
                RequestJson = request.GetRawText(),
                ReturnImages = ReadFlag(request, "return_images"),
                ReturnRelatedQuestions = ReadFlag(request, "return_related_questions"),
            };
        }
    }

    private static string? ReadModel(JsonElement request, List<FieldError> errors)
    {
        if (!request.TryGetProperty("model", out var model))
        {
            errors.Add(new FieldError(new object[] { "body", "request", "model" }, "Field required", "missing"));
            return null;
        }

        if (model.ValueKind != JsonValueKind.String)
        {
            errors.Add(new FieldError(new object[] { "body", "request", "model" }, "Input should be a valid string", "string_type"));
            return null;
        }

        return model.GetString();
    }

    private static string? ReadPrompt(JsonElement request, List<FieldError> errors)
    {
        if (!request.TryGetProperty("messages", out var messages))
        {
            errors.Add(new FieldError(new object[] { "body", "request", "messages" }, "Field required", "missing"));
            return null;
        }

        if (messages.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new FieldError(new object[] { "body", "request", "messages" }, "Input should be a valid list", "list_type"));
            return null;
        }

        if (messages.GetArrayLength() == 0)
        {
            errors.Add(new FieldError(new object[] { "body", "request", "messages" }, "List should have at least 1 item after validation, not 0", "too_short"));
            return null;
        }

        var prompt = string.Empty;
        var index = 0;
        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new FieldError(new object[] { "body", "request", "messages", index }, "Input should be a valid dictionary or object to extract fields from", "model_attributes_type"));
            }
            else if (!message.TryGetProperty("role", out var role))
            {
                errors.Add(new FieldError(new object[] { "body", "request", "messages", index, "role" }, "Field required", "missing"));
            }
            else if (role.ValueKind == JsonValueKind.String && role.GetString() == "user")
            {
                prompt = TextOf(message);
            }

            index++;
        }

        return prompt;
    }

    private static string TextOf(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return string.Empty;
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString() ?? string.Empty;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var chunk in content.EnumerateArray())
        {
            if (chunk.ValueKind == JsonValueKind.Object
                && chunk.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "text"
                && chunk.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
            {
                builder.Append(text.GetString());
            }
        }

        return builder.ToString();
    }

    private static bool? ReadFlag(JsonElement request, string name) =>
        request.TryGetProperty(name, out var flag) && flag.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? flag.GetBoolean()
            : null;
}
