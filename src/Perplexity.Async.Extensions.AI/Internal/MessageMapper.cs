using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Perplexity.Async.Internal;

/// <summary>
/// Turns Microsoft.Extensions.AI messages into the messages of a create request: roles by name, text as text,
/// images, videos and other files as chunks, function calls and results as tool calls and tool messages.
/// </summary>
internal static class MessageMapper
{
    private const string DataUriBase64Marker = ";base64,";

    public static List<ChatRequestMessage> Map(IEnumerable<AIChatMessage> messages, string? instructions)
    {
        var result = new List<ChatRequestMessage>();

        // Microsoft.Extensions.AI's convention: per-request instructions come first, as a system message.
        if (!string.IsNullOrWhiteSpace(instructions))
        {
            result.Add(ChatRequestMessage.System(instructions!));
        }

        var index = 0;
        foreach (var message in messages)
        {
            if (message is null)
            {
                throw new ArgumentException($"messages[{index}] is null.", nameof(messages));
            }

            Add(result, message);
            index++;
        }

        return result;
    }

    private static void Add(List<ChatRequestMessage> result, AIChatMessage message)
    {
        List<ChatMessageContentChunk>? parts = null;
        List<ToolCall>? toolCalls = null;
        List<ChatRequestMessage>? toolResults = null;
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent text:
                    (parts ??= new()).Add(new ChatMessageContentTextChunk { Text = text.Text ?? string.Empty });
                    break;
                case DataContent data:
                    (parts ??= new()).Add(FromData(data));
                    break;
                case UriContent uri:
                    (parts ??= new()).Add(Chunk(uri.MediaType, uri.Uri.OriginalString, fileName: null));
                    break;
                case FunctionCallContent call:
                    (toolCalls ??= new()).Add(ToolCallOf(call));
                    break;
                case FunctionResultContent functionResult:
                    (toolResults ??= new()).Add(ChatRequestMessage.Tool(functionResult.CallId, ResultText(functionResult.Result)));
                    break;
                default:
                    // Reasoning, usage, errors and provider-hosted content have no place in a Perplexity request.
                    break;
            }
        }

        // A message made only of function results becomes one tool message per result, as the API expects.
        if (toolResults is not null && parts is null && toolCalls is null)
        {
            result.AddRange(toolResults);
            return;
        }

        result.Add(new ChatRequestMessage
        {
            Role = RoleOf(message.Role),

            // An empty message keeps its place: the API wants user and assistant turns to alternate.
            Content = parts is null ? (toolCalls is null ? MessageContent.FromText(string.Empty) : null) : ContentOf(parts),
            ToolCalls = toolCalls,
        });

        if (toolResults is not null)
        {
            result.AddRange(toolResults);
        }
    }

    internal static ChatMessageRole RoleOf(ChatRole role)
    {
        if (role == ChatRole.System)
        {
            return ChatMessageRole.System;
        }

        if (role == ChatRole.User)
        {
            return ChatMessageRole.User;
        }

        if (role == ChatRole.Assistant)
        {
            return ChatMessageRole.Assistant;
        }

        return role == ChatRole.Tool ? ChatMessageRole.Tool : new ChatMessageRole(role.Value);
    }

    // Text alone is sent as a string, the form every role accepts; anything else as a list of chunks.
    private static MessageContent ContentOf(List<ChatMessageContentChunk> parts)
    {
        var allText = true;
        foreach (var part in parts)
        {
            allText &= part is ChatMessageContentTextChunk;
        }

        if (!allText)
        {
            return MessageContent.FromParts(parts);
        }

        if (parts.Count == 1)
        {
            return MessageContent.FromText(((ChatMessageContentTextChunk)parts[0]).Text);
        }

        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            builder.Append(((ChatMessageContentTextChunk)part).Text);
        }

        return MessageContent.FromText(builder.ToString());
    }

    // Images travel as data URIs; other files as bare base64, which is what the API documents for file_url.
    private static ChatMessageContentChunk FromData(DataContent data)
    {
        if (IsImage(data.MediaType) || IsVideo(data.MediaType))
        {
            return Chunk(data.MediaType, data.Uri, data.Name);
        }

        var uri = data.Uri;
        var marker = uri.IndexOf(DataUriBase64Marker, StringComparison.Ordinal);
        var base64 = marker < 0 ? Convert.ToBase64String(data.Data.ToArray()) : uri.Substring(marker + DataUriBase64Marker.Length);
        return Chunk(data.MediaType, base64, data.Name);
    }

    private static ChatMessageContentChunk Chunk(string? mediaType, string url, string? fileName)
    {
        if (IsImage(mediaType))
        {
            return new ChatMessageContentImageChunk { ImageUrl = ContentUrl.FromUrl(url) };
        }

        if (IsVideo(mediaType))
        {
            return new ChatMessageContentVideoChunk { VideoUrl = VideoContentUrl.FromUrl(url) };
        }

        return new ChatMessageContentFileChunk { FileUrl = ContentUrl.FromUrl(url), FileName = fileName };
    }

    private static bool IsImage(string? mediaType) => HasTopLevelType(mediaType, "image");

    private static bool IsVideo(string? mediaType) => HasTopLevelType(mediaType, "video");

    private static bool HasTopLevelType(string? mediaType, string topLevel) =>
        mediaType is not null
        && mediaType.Length > topLevel.Length
        && mediaType[topLevel.Length] == '/'
        && mediaType.StartsWith(topLevel, StringComparison.OrdinalIgnoreCase);

    private static ToolCall ToolCallOf(FunctionCallContent call) => new()
    {
        Id = call.CallId,
        Type = "function",
        Function = new ToolCallFunction
        {
            Name = call.Name,
            Arguments = call.Arguments is null ? "{}" : JsonValues.Serialize(call.Arguments, typeof(IDictionary<string, object?>)),
        },
    };

    private static string ResultText(object? result) => result switch
    {
        null => string.Empty,
        string text => text,
        JsonElement element => element.GetRawText(),
        _ => JsonValues.Serialize(result),
    };
}
