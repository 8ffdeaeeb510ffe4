using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>Checks the create request's <c>input</c> and finds the prompt in it: the string, or the last user message.</summary>
internal static class AgentInputReader
{
    public const string EmptyArray = "validation failed: input array cannot be empty";

    public static RunError? Read(JsonElement root, out string prompt, out List<string> functionOutputs)
    {
        prompt = string.Empty;
        functionOutputs = new List<string>();
        if (!root.TryGet("input", out var input) || input.ValueKind is not (JsonValueKind.String or JsonValueKind.Array))
        {
            // The live API answers a missing, numeric or object input with this (misleading) message.
            return RunError.Invalid(EmptyArray, "input");
        }

        if (input.ValueKind == JsonValueKind.String)
        {
            prompt = input.GetString()!;
            return prompt.Trim().Length == 0 ? RunError.Invalid("validation failed: input cannot be empty", "input") : null;
        }

        if (input.GetArrayLength() == 0)
        {
            return RunError.Invalid(EmptyArray, "input");
        }

        string? lastUser = null;
        string? last = null;
        var index = 0;
        foreach (var item in input.EnumerateArray())
        {
            var type = item.String("type") ?? "message";
            if (type == "message")
            {
                var role = item.String("role");
                if (role is not ("user" or "assistant" or "system" or "developer"))
                {
                    return RunError.Invalid($"validation failed: input[{index}]: role must be one of user, assistant, system, developer", "role");
                }

                if (!item.TryGet("content", out var content))
                {
                    return RunError.Invalid($"validation failed: input[{index}]: content is required", "content");
                }

                last = TextOf(content);
                lastUser = role == "user" ? last : lastUser;
            }
            else if (item.String("call_id") is null)
            {
                return RunError.Invalid($"validation failed: input[{index}]: call_id is required", "call_id");
            }
            else if (type == "function_call_output" && item.TryGet("output", out var output))
            {
                functionOutputs.Add(TextOf(output));
            }

            index++;
        }

        prompt = lastUser ?? last ?? string.Empty;
        return null;
    }

    private static string TextOf(JsonElement content)
    {
        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString()!;
        }

        var builder = new StringBuilder();
        foreach (var part in content.EnumerateArray())
        {
            if (part.String("type") == "input_text" && part.String("text") is { } text)
            {
                builder.Append(builder.Length == 0 ? string.Empty : " ").Append(text);
            }
        }

        return builder.ToString();
    }
}
