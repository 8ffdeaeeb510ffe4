using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Perplexity.Async.Internal.Agent;

/// <summary>
/// Turns Microsoft.Extensions.AI messages into the Agent API's input items: system messages into the instructions,
/// user and assistant text (and user images and files) into messages, function calls and their results into
/// <c>function_call</c> and <c>function_call_output</c> items, in the order they were written.
/// </summary>
internal static class AgentInputMapper
{
    /// <summary>The input items of <paramref name="messages"/> and the text of their system messages (null when none).</summary>
    public static (List<AgentInputItem> Items, string? SystemText) Map(IEnumerable<AIChatMessage> messages, string parameterName)
    {
        var items = new List<AgentInputItem>();
        StringBuilder? system = null;
        var index = 0;
        foreach (var message in messages)
        {
            if (message is null)
            {
                throw new ArgumentException($"messages[{index}] is null.", parameterName);
            }

            if (message.Role == ChatRole.System)
            {
                var text = message.Text;
                if (!string.IsNullOrWhiteSpace(text))
                {
                    (system ??= new StringBuilder()).Append(system.Length == 0 ? string.Empty : "\n\n").Append(text);
                }
            }
            else
            {
                Add(items, message);
            }

            index++;
        }

        return (items, system?.ToString());
    }

    private static void Add(List<AgentInputItem> items, AIChatMessage message)
    {
        var role = RoleOf(message.Role);
        var parts = new List<AgentInputContentPart>();
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent text:
                    if (!string.IsNullOrEmpty(text.Text))
                    {
                        parts.Add(new AgentInputTextPart { Text = text.Text });
                    }

                    break;
                case DataContent data:
                    parts.Add(FromData(data));
                    break;
                case UriContent uri:
                    parts.Add(FromUri(uri));
                    break;
                case FunctionCallContent call:
                    Flush(items, role, parts);
                    items.Add(new AgentFunctionCallInputItem
                    {
                        CallId = call.CallId,
                        Name = call.Name,
                        Arguments = call.Arguments is null ? "{}" : JsonValues.Serialize(call.Arguments, typeof(IDictionary<string, object?>)),
                    });
                    break;
                case FunctionResultContent result:
                    Flush(items, role, parts);
                    items.Add(AgentInputItem.FunctionCallOutput(result.CallId, ResultText(result)));
                    break;
                default:
                    // Reasoning, usage, errors and provider-hosted content have no place in an Agent request.
                    break;
            }
        }

        Flush(items, role, parts);
    }

    /// <summary>Writes the parts gathered so far as one message of <paramref name="role"/>, text alone as a string.</summary>
    private static void Flush(List<AgentInputItem> items, AgentMessageRole role, List<AgentInputContentPart> parts)
    {
        if (parts.Count == 0)
        {
            return;
        }

        var allText = parts.TrueForAll(p => p is AgentInputTextPart);
        AgentInputContent content;
        if (allText)
        {
            var builder = new StringBuilder();
            foreach (var part in parts)
            {
                builder.Append(((AgentInputTextPart)part).Text);
            }

            content = builder.ToString();
        }
        else
        {
            content = AgentInputContent.FromParts(parts);
        }

        items.Add(new AgentMessageInputItem { Role = role, Content = content });
        parts.Clear();
    }

    private static AgentMessageRole RoleOf(ChatRole role)
    {
        if (role == ChatRole.User)
        {
            return AgentMessageRole.User;
        }

        if (role == ChatRole.Assistant)
        {
            return AgentMessageRole.Assistant;
        }

        // Tool messages carry function results (their own items); any other text in them is the user's side.
        return role == ChatRole.Tool ? AgentMessageRole.User : new AgentMessageRole(role.Value);
    }

    // Images as input_image, other files as input_file: both with the data URI (the API takes a base64 data URI for
    // file_data, and the media type travels with it).
    private static AgentInputContentPart FromData(DataContent data) =>
        data.HasTopLevelMediaType("image")
            ? new AgentInputImagePart { ImageUrl = data.Uri }
            : new AgentInputFilePart { Filename = data.Name, FileData = data.Uri };

    private static AgentInputContentPart FromUri(UriContent uri) =>
        uri.HasTopLevelMediaType("image")
            ? new AgentInputImagePart { ImageUrl = uri.Uri.OriginalString }
            : new AgentInputFilePart { FileUrl = uri.Uri.OriginalString };

    private static string ResultText(FunctionResultContent result) => result.Result switch
    {
        null => result.Exception is { } exception ? "Error: " + exception.Message : string.Empty,
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString()!,
        JsonElement element => element.GetRawText(),
        var value => JsonValues.Serialize(value),
    };
}
