using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// Checks a create call before anything is sent: what the SDK can know for sure is wrong (no model, no messages,
/// streaming, a name written twice). Ranges are left to the API, which names the field in its 422 answer.
/// </summary>
internal static class CreateRequestValidator
{
    private static readonly HashSet<string> RequestPropertyNames = NamesOf(PerplexityJsonContext.Default.ChatCompletionRequest);
    private static readonly HashSet<string> MessagePropertyNames = NamesOf(PerplexityJsonContext.Default.ChatRequestMessage);
    private static readonly HashSet<string> SearchPropertyNames = NamesOf(PerplexityJsonContext.Default.WebSearchOptions);

    public static void Validate(ChatCompletionRequest request, AsyncCreateOptions? options, string parameterName)
    {
        if (request is null)
        {
            throw new ArgumentNullException(parameterName, "A chat-completion request is required.");
        }

        if (string.IsNullOrWhiteSpace(request.Model))
        {
            throw new ArgumentException(
                $"{nameof(ChatCompletionRequest)}.{nameof(ChatCompletionRequest.Model)} is required; it is null, empty or whitespace.",
                parameterName);
        }

        if (request.Messages is null || request.Messages.Count == 0)
        {
            throw new ArgumentException(
                $"{nameof(ChatCompletionRequest)}.{nameof(ChatCompletionRequest.Messages)} is required; it is {(request.Messages is null ? "null" : "empty")}. Add at least one message.",
                parameterName);
        }

        for (var i = 0; i < request.Messages.Count; i++)
        {
            var message = request.Messages[i];
            if (message is null)
            {
                throw new ArgumentException($"{nameof(ChatCompletionRequest)}.{nameof(ChatCompletionRequest.Messages)}[{i}] is null.", parameterName);
            }

            if (string.IsNullOrEmpty(message.Role.Value))
            {
                throw new ArgumentException($"{nameof(ChatCompletionRequest)}.{nameof(ChatCompletionRequest.Messages)}[{i}].{nameof(ChatRequestMessage.Role)} is not set.", parameterName);
            }

            CheckExtras(message.AdditionalProperties, MessagePropertyNames, $"{nameof(ChatCompletionRequest.Messages)}[{i}].", parameterName);
        }

        if (request.Stream == true)
        {
            throw new ArgumentException(
                $"{nameof(ChatCompletionRequest)}.{nameof(ChatCompletionRequest.Stream)} is true, but asynchronous jobs never stream; leave it null or false.",
                parameterName);
        }

        CheckExtras(request.AdditionalProperties, RequestPropertyNames, string.Empty, parameterName);
        CheckExtras(request.WebSearchOptions?.AdditionalProperties, SearchPropertyNames, $"{nameof(ChatCompletionRequest.WebSearchOptions)}.", parameterName);

        if (options?.IdempotencyKey is { } key && string.IsNullOrWhiteSpace(key))
        {
            throw new ArgumentException(
                $"{nameof(AsyncCreateOptions)}.{nameof(AsyncCreateOptions.IdempotencyKey)} is empty or whitespace; leave it null to have one generated.",
                nameof(options));
        }
    }

    // The extension data is written next to the typed properties, so a shared name would appear twice in the JSON.
    private static void CheckExtras(IDictionary<string, JsonElement>? extras, HashSet<string> typed, string path, string parameterName)
    {
        if (extras is null)
        {
            return;
        }

        foreach (var name in extras.Keys)
        {
            if (typed.Contains(name))
            {
                throw new ArgumentException(
                    $"{nameof(ChatCompletionRequest)}.{path}AdditionalProperties has '{name}', which a typed property already writes; set that property instead.",
                    parameterName);
            }
        }
    }

    private static HashSet<string> NamesOf(JsonTypeInfo typeInfo)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in typeInfo.Properties)
        {
            if (!property.IsExtensionData)
            {
                names.Add(property.Name);
            }
        }

        return names;
    }
}
