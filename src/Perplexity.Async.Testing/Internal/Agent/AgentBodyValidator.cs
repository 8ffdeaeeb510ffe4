using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>
/// Validates an Agent create body as the live API does (strict decoding first, then the <c>validation failed: …</c>
/// checks) and builds the <see cref="ParsedAgentRequest"/> the run is planned from.
/// </summary>
internal static class AgentBodyValidator
{
    private static readonly string[] Efforts = ["minimal", "low", "medium", "high", "xhigh", "max"];

    public static RunError? Parse(string? body, bool acceptsOptInFields, bool validate, out ParsedAgentRequest? request)
    {
        request = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(string.IsNullOrEmpty(body) ? "" : body!);
        }
        catch (JsonException ex)
        {
            return RunError.Invalid("invalid request body: " + (string.IsNullOrEmpty(body) ? "EOF" : "malformed JSON: " + ex.Message));
        }

        using (document)
        {
            var root = document.RootElement;
            var prompt = string.Empty;
            string? display = null, resolved = null;
            PresetSpec? preset = null;
            var toolsJson = new List<string>();
            var toolTypes = new List<string>();
            List<string>? functionOutputs = null;
            var error = AgentBodyDecoder.Check(root, acceptsOptInFields)
                ?? AgentInputReader.Read(root, out prompt, out functionOutputs)
                ?? ResolveModel(root, validate, out display, out resolved, out preset)
                ?? (validate ? CheckNumbers(root) : null)
                ?? (validate ? CheckEnums(root) : null)
                ?? AgentToolValidator.CheckTools(root, toolsJson, toolTypes)
                ?? (validate ? AgentToolValidator.CheckOthers(root) : null);
            if (error is not null)
            {
                return error;
            }

            request = new ParsedAgentRequest
            {
                Prompt = prompt,
                FunctionOutputs = functionOutputs!,
                DisplayModel = display!,
                ResolvedModel = resolved!,
                Preset = preset,
                Background = root.Bool("background") ?? false,
                Stream = root.Bool("stream") ?? false,
                Store = root.Bool("store") ?? true,
                MaxOutputTokens = root.Int("max_output_tokens"),
                MaxToolCalls = root.Int("max_tool_calls"),
                ToolsJson = toolsJson,
                ToolTypes = toolTypes,
                IncludeUsage = root.TryGet("stream_options", out var streamOptions) ? streamOptions.Bool("include_usage") ?? true : true,
                ResponseSchemaJson = root.TryGet("response_format", out var format) && format.TryGet("json_schema", out var schema) ? schema.Raw("schema") : null,
                PreviousResponseId = root.String("previous_response_id"),
                InstructionsJson = root.Raw("instructions"),
                MaxOutputTokensJson = root.Raw("max_output_tokens"),
                MaxToolCallsJson = root.Raw("max_tool_calls"),
                MetadataJson = root.Raw("metadata"),
                ParallelToolCallsJson = root.Raw("parallel_tool_calls"),
                PromptCacheKeyJson = root.Raw("prompt_cache_key"),
                ReasoningEffortJson = root.TryGet("reasoning", out var reasoning) ? reasoning.Raw("effort") : null,
                ServiceTierJson = root.Raw("service_tier"),
                TemperatureJson = root.Raw("temperature"),
                ToolChoiceJson = root.Raw("tool_choice"),
                TopPJson = root.Raw("top_p"),
                TruncationJson = root.Raw("truncation"),
                RequestJson = body,
            };
            return null;
        }
    }

    private static RunError? ResolveModel(JsonElement root, bool validate, out string? display, out string? resolved, out PresetSpec? preset)
    {
        display = resolved = null;
        preset = null;
        var presetName = root.String("preset");
        var model = root.String("model");
        var hasProfile = root.TryGet("profile", out var profile);
        if (hasProfile && presetName is not null)
        {
            return RunError.Invalid("validation failed: profile cannot be combined with preset", "profile");
        }

        if (hasProfile && profile.String("type") != "custom")
        {
            return RunError.Invalid("validation failed: profile.type must be \"custom\"", "type");
        }

        if (hasProfile && profile.String("id") is not { Length: >= 1 and <= 128 })
        {
            return RunError.Invalid("validation failed: profile.id must be between 1 and 128 characters", "id");
        }

        if (presetName is not null && !AgentCatalogue.TryGetPreset(presetName, out preset))
        {
            return UnsupportedModel($"preset \"{presetName}\" is not supported", "preset");
        }

        var candidates = new List<string>();
        if (root.TryGet("models", out var models))
        {
            candidates.AddRange(models.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!));
            if (candidates.Count is < 1 or > 5)
            {
                return RunError.Invalid("validation failed: models must contain between 1 and 5 models", "models");
            }
        }
        else if (model is not null)
        {
            candidates.Add(model);
        }

        if (validate && candidates.FirstOrDefault(c => !AgentCatalogue.TryGetModel(c, out _)) is { } unknown)
        {
            return UnsupportedModel($"model \"{unknown}\" is not supported", candidates.Count > 1 || model is null ? "models" : "model");
        }

        if (candidates.Count == 0 && preset is null && !hasProfile)
        {
            return RunError.Invalid("validation failed: one of model, models or preset is required", "model");
        }

        if (candidates.Any(AgentCatalogue.IsAnthropic) && root.Int("max_output_tokens") is null)
        {
            return RunError.Invalid("validation failed: max_output_tokens is required when using Anthropic models", "max_output_tokens");
        }

        resolved = candidates.FirstOrDefault() ?? preset?.Model ?? AgentCatalogue.PresetModel;
        display = presetName ?? resolved;
        return null;
    }

    private static RunError? CheckNumbers(JsonElement root)
    {
        if (root.Int("max_output_tokens") is < 1)
        {
            return RunError.Invalid("validation failed: max_output_tokens must be at least 1", "max_output_tokens");
        }

        if (root.Int("max_steps") is < 1)
        {
            return RunError.Invalid("validation failed: max steps must be at least 1", "max_steps");
        }

        if (root.Int("max_tool_calls") is < 0)
        {
            return RunError.Invalid("validation failed: max_tool_calls must not be negative", "max_tool_calls");
        }

        if (root.Double("temperature") is { } temperature && (temperature < 0 || temperature > 2))
        {
            return RunError.Invalid("validation failed: temperature must be between 0 and 2", "temperature");
        }

        if (root.Double("top_p") is { } topP && (topP < 0 || topP > 1))
        {
            return RunError.Invalid("validation failed: top_p must be between 0 and 1", "top_p");
        }

        if (root.TryGet("metadata", out var metadata))
        {
            var entries = metadata.EnumerateObject().ToList();
            if (entries.Count > 16 || entries.Any(e => e.Name.Length > 64 || (e.Value.GetString()?.Length ?? 0) > 512))
            {
                return RunError.Invalid("validation failed: metadata allows at most 16 keys of up to 64 characters with values of up to 512 characters", "metadata");
            }
        }

        return null;
    }

    private static RunError? CheckEnums(JsonElement root)
    {
        if (root.TryGet("reasoning", out var reasoning) && reasoning.String("effort") is { } effort && Array.IndexOf(Efforts, effort) < 0)
        {
            return RunError.Invalid("validation failed: reasoning.effort must be one of: " + string.Join(" ", Efforts), "effort");
        }

        if (root.String("truncation") is { } truncation && truncation is not ("auto" or "disabled"))
        {
            return RunError.Invalid("validation failed: truncation must be one of: auto disabled", "truncation");
        }

        return null;
    }

    private static RunError UnsupportedModel(string message, string param) => new(HttpStatusCode.BadRequest, message, "invalid_model", param);
}
