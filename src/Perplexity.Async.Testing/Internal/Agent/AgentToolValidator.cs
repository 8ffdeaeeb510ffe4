using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>The value checks of <c>tools</c>, <c>skills</c>, <c>tool_choice</c> and <c>response_format</c>.</summary>
internal static class AgentToolValidator
{
    private static readonly HashSet<string> RecencyFilters = new(StringComparer.Ordinal) { "hour", "day", "week", "month", "year" };

    public static RunError? CheckTools(JsonElement root, List<string> toolsJson, List<string> toolTypes)
    {
        if (!root.TryGet("tools", out var tools))
        {
            return null;
        }

        var index = 0;
        var mcpServers = 0;
        foreach (var tool in tools.EnumerateArray())
        {
            var type = tool.String("type")!;
            var prefix = $"validation failed: tools[{index}]: ";
            var error = type switch
            {
                "web_search" => CheckWebSearch(tool, prefix),
                "image_search" => Range(tool, "max_results", 1, 30, prefix),
                "fetch_url" => Range(tool, "max_urls", 1, 10, prefix),
                "function" => CheckFunction(tool, prefix),
                "mcp" => CheckMcp(tool, prefix, ++mcpServers),
                _ => null,
            };
            if (error is not null)
            {
                return error;
            }

            toolsJson.Add(tool.Minified());
            toolTypes.Add(type);
            index++;
        }

        return null;
    }

    public static RunError? CheckOthers(JsonElement root)
    {
        if (root.TryGet("skills", out var skills) && skills.GetArrayLength() > 16)
        {
            return RunError.Invalid("validation failed: at most 16 skills are allowed", "skills");
        }

        if (root.String("tool_choice") is { } choice && choice is not ("none" or "auto" or "required"))
        {
            return RunError.Invalid("validation failed: tool_choice must be one of: none auto required", "tool_choice");
        }

        return root.TryGet("response_format", out var format) ? CheckResponseFormat(format) : null;
    }

    private static RunError? CheckResponseFormat(JsonElement format)
    {
        var type = format.String("type");
        if (type != "json_schema")
        {
            return RunError.Invalid("validation failed: response_format.type must be \"json_schema\"", "type");
        }

        if (!format.TryGet("json_schema", out var jsonSchema))
        {
            return RunError.Invalid("validation failed: response_format.json_schema is required when type is \"json_schema\"", "json_schema");
        }

        var name = jsonSchema.String("name");
        if (name is null || name.Length is < 1 or > 64)
        {
            return RunError.Invalid("validation failed: response_format.json_schema.name must be between 1 and 64 characters", "name");
        }

        if (!jsonSchema.TryGet("schema", out var schema) || schema.ValueKind != JsonValueKind.Object
            || (schema.String("type") is { } rootType && rootType != "object"))
        {
            return new RunError(System.Net.HttpStatusCode.BadRequest, "response_format.json_schema.schema must be a JSON schema whose root is an object", "invalid_parameter", "schema");
        }

        return null;
    }

    private static RunError? CheckWebSearch(JsonElement tool, string prefix)
    {
        if (tool.TryGet("filters", out var filters))
        {
            if (filters.String("search_recency_filter") is { } recency && !RecencyFilters.Contains(recency))
            {
                return RunError.Invalid(prefix + "search recency filter must be one of: hour day week month year", "search_recency_filter");
            }

            if (filters.TryGet("search_domain_filter", out var domains) && domains.GetArrayLength() > 20)
            {
                return RunError.Invalid(prefix + "search domain filter accepts at most 20 domains", "search_domain_filter");
            }
        }

        return Range(tool, "max_results", 1, 50, prefix);
    }

    private static RunError? CheckFunction(JsonElement tool, string prefix)
    {
        var name = tool.String("name");
        if (string.IsNullOrEmpty(name))
        {
            return RunError.Invalid(prefix + "function name is required", "name");
        }

        return AgentRequestSchema.ReservedFunctionNames.Contains(name!)
            ? RunError.Invalid(prefix + $"function name \"{name}\" is reserved for a built-in tool", "name")
            : null;
    }

    private static RunError? CheckMcp(JsonElement tool, string prefix, int servers)
    {
        if (servers > 16)
        {
            return RunError.Invalid("validation failed: at most 16 MCP servers are allowed", "tools");
        }

        var url = tool.String("server_url");
        return url is null || !url.StartsWith("https://", StringComparison.Ordinal)
            ? RunError.Invalid(prefix + "server_url must be an https URL", "server_url")
            : null;
    }

    private static RunError? Range(JsonElement tool, string name, int min, int max, string prefix) =>
        tool.Int(name) is { } value && (value < min || value > max)
            ? RunError.Invalid(prefix + $"{name} must be between {min} and {max}", name)
            : null;
}
