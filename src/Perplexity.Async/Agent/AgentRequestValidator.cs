using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// Checks an <see cref="AgentRequest"/> before anything is sent: what the SDK can know for sure is wrong (no input, no
/// model, a field written twice, a value outside its documented range). Upper bounds the live service does not keep
/// (<c>max_steps</c> 101 was accepted although 100 is documented) are left to the API.
/// </summary>
internal static class AgentRequestValidator
{
    private const int MaxModels = 5;

    private static readonly ConcurrentDictionary<Type, HashSet<string>> TypedNames = new();

    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The request is certainly invalid; the message names the property and the rule.</exception>
    public static void Validate(AgentRequest request, string paramName)
    {
        if (request is null)
        {
            throw new ArgumentNullException(paramName, "An Agent API request is required.");
        }

        CheckInput(request.Input, paramName);
        CheckModel(request, paramName);
        CheckRange(request.MaxOutputTokens, 1, int.MaxValue, nameof(AgentRequest.MaxOutputTokens), paramName);
        CheckRange(request.MaxSteps, 1, int.MaxValue, nameof(AgentRequest.MaxSteps), paramName);
        CheckRange(request.MaxToolCalls, 0, int.MaxValue, nameof(AgentRequest.MaxToolCalls), paramName);
        CheckRange(request.Temperature, 0d, 2d, nameof(AgentRequest.Temperature), paramName);
        CheckRange(request.TopP, 0d, 1d, nameof(AgentRequest.TopP), paramName);
        CheckList(request.Tools, nameof(AgentRequest.Tools), paramName);
        CheckList(request.Skills, nameof(AgentRequest.Skills), paramName);
        CheckExtras(request, request.AdditionalProperties, string.Empty, paramName);
        CheckNested(request, paramName);
    }

    private static void CheckInput(AgentInput? input, string paramName)
    {
        if (input is null)
        {
            throw Invalid($"{nameof(AgentRequest.Input)} is required; it is null. Set a string or at least one input item.", paramName);
        }

        if (input.IsText)
        {
            if (input.Text!.Length == 0)
            {
                throw Invalid($"{nameof(AgentRequest.Input)} is an empty string; the API refuses it (\"input cannot be empty\").", paramName);
            }

            return;
        }

        if (input.Items.Count == 0)
        {
            throw Invalid($"{nameof(AgentRequest.Input)} is an empty list; add at least one input item.", paramName);
        }
    }

    private static void CheckModel(AgentRequest request, string paramName)
    {
        if (request.Models is { } models)
        {
            if (models.Count is 0 or > MaxModels)
            {
                throw Invalid($"{nameof(AgentRequest.Models)} has {models.Count} models; the API takes 1 to {MaxModels}.", paramName);
            }

            for (var i = 0; i < models.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(models[i]))
                {
                    throw Invalid($"{nameof(AgentRequest.Models)}[{i}] is null, empty or whitespace.", paramName);
                }
            }
        }

        if (request.Model is { } model && string.IsNullOrWhiteSpace(model))
        {
            throw Invalid($"{nameof(AgentRequest.Model)} is empty or whitespace; leave it null or name a model such as openai/gpt-5.2.", paramName);
        }

        if (request.Preset is { } preset && string.IsNullOrWhiteSpace(preset.Value))
        {
            throw Invalid($"{nameof(AgentRequest.Preset)} is empty; leave it null or use a preset such as {nameof(AgentPreset)}.{nameof(AgentPreset.Medium)}.", paramName);
        }

        if (request.Profile is not null && request.Preset is not null)
        {
            throw Invalid($"{nameof(AgentRequest.Profile)} and {nameof(AgentRequest.Preset)} are both set; the API refuses a profile combined with a preset.", paramName);
        }

        // A profile is a saved configuration, so it may carry its model; the API alone can tell.
        if (request.Model is null && request.Models is null && request.Preset is null && request.Profile is null)
        {
            throw Invalid(
                $"None of {nameof(AgentRequest.Model)}, {nameof(AgentRequest.Models)} and {nameof(AgentRequest.Preset)} is set; set one (for example {nameof(AgentRequest.Preset)} = {nameof(AgentPreset)}.{nameof(AgentPreset.Medium)}).",
                paramName);
        }
    }

    private static void CheckRange(int? value, int min, int max, string property, string paramName)
    {
        if (value is { } number && (number < min || number > max))
        {
            throw Invalid($"{property} is {number}; it must be at least {min}.", paramName);
        }
    }

    private static void CheckRange(double? value, double min, double max, string property, string paramName)
    {
        if (value is { } number && !(number >= min && number <= max))
        {
            throw Invalid($"{property} is {number}; it must be between {min} and {max}.", paramName);
        }
    }

    private static void CheckList<T>(IReadOnlyList<T>? items, string property, string paramName)
        where T : class
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            if (items![i] is null)
            {
                throw Invalid($"{property}[{i}] is null.", paramName);
            }
        }
    }

    // Every object that takes AdditionalProperties: they are written next to the typed properties, so a shared name
    // would appear twice in the JSON (and the API's answer to a duplicate is not documented).
    private static void CheckNested(AgentRequest request, string paramName)
    {
        CheckExtras(request.Profile, request.Profile?.AdditionalProperties, nameof(AgentRequest.Profile) + ".", paramName);
        CheckExtras(request.Reasoning, request.Reasoning?.AdditionalProperties, nameof(AgentRequest.Reasoning) + ".", paramName);
        CheckExtras(request.StreamOptions, request.StreamOptions?.AdditionalProperties, nameof(AgentRequest.StreamOptions) + ".", paramName);
        CheckExtras(request.ResponseFormat, request.ResponseFormat?.AdditionalProperties, nameof(AgentRequest.ResponseFormat) + ".", paramName);
        CheckExtras(request.ResponseFormat?.JsonSchema, request.ResponseFormat?.JsonSchema?.AdditionalProperties, nameof(AgentRequest.ResponseFormat) + ".JsonSchema.", paramName);
        var items = request.Input.IsText ? Array.Empty<AgentInputItem>() : request.Input.Items;
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"{nameof(AgentRequest.Input)}[{i}].";
            CheckExtras(items[i], items[i].AdditionalProperties, path, paramName);
            var content = items[i] switch
            {
                AgentMessageInputItem message => message.Content,
                AgentFunctionCallOutputInputItem output => output.Output,
                _ => null,
            };
            if (content is { IsText: false })
            {
                for (var p = 0; p < content.Parts.Count; p++)
                {
                    CheckExtras(content.Parts[p], content.Parts[p]?.AdditionalProperties, $"{path}Content[{p}].", paramName);
                }
            }
        }

        for (var i = 0; i < (request.Tools?.Count ?? 0); i++)
        {
            var tool = request.Tools![i];
            var path = $"{nameof(AgentRequest.Tools)}[{i}].";
            CheckExtras(tool, tool.AdditionalProperties, path, paramName);
            if (tool is AgentWebSearchTool search)
            {
                CheckExtras(search.Filters, search.Filters?.AdditionalProperties, path + "Filters.", paramName);
                CheckExtras(search.UserLocation, search.UserLocation?.AdditionalProperties, path + "UserLocation.", paramName);
            }
            else if (tool is AgentImageSearchTool images)
            {
                CheckExtras(images.Filters, images.Filters?.AdditionalProperties, path + "Filters.", paramName);
            }
        }

        for (var i = 0; i < (request.Skills?.Count ?? 0); i++)
        {
            CheckExtras(request.Skills![i], request.Skills[i].AdditionalProperties, $"{nameof(AgentRequest.Skills)}[{i}].", paramName);
        }
    }

    private static void CheckExtras(object? owner, IDictionary<string, JsonElement>? extras, string path, string paramName)
    {
        if (owner is null || extras is null)
        {
            return;
        }

        if (owner is AgentUnknownInputItem or AgentUnknownInputContentPart or AgentUnknownTool)
        {
            // Their raw JSON is written as it is, so extras set on them would be lost without a word.
            throw Invalid($"{path}AdditionalProperties is set on a raw-JSON {owner.GetType().Name}, which writes only its Json; put the properties in that JSON.", paramName);
        }

        var typed = TypedNames.GetOrAdd(owner.GetType(), static type => NamesOf(PerplexityJsonContext.Default.GetTypeInfo(type)!));
        foreach (var name in extras.Keys)
        {
            if (typed.Contains(name))
            {
                throw Invalid($"{path}AdditionalProperties has '{name}', which a typed property already writes; set that property instead.", paramName);
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

    private static ArgumentException Invalid(string problem, string paramName) =>
        new($"{nameof(AgentRequest)}.{problem}", paramName);
}
