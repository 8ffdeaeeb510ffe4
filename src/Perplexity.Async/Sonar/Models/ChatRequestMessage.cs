using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>
/// A message sent in a <see cref="ChatCompletionRequest"/> (the schema's <c>ChatMessage-Input</c>): who wrote it and
/// what it says, as plain text or as chunks (text, image, file, PDF, video).
/// </summary>
/// <example>
/// <code>
/// ChatRequestMessage[] messages =
/// [
///     ChatRequestMessage.System("Answer in one paragraph."),
///     ChatRequestMessage.User("What changed in .NET 10?"),
/// ];
/// </code>
/// </example>
public sealed record ChatRequestMessage
{
    private IDictionary<string, JsonElement>? _additionalProperties;

    /// <summary>Who wrote the message: <c>system</c>, <c>user</c>, <c>assistant</c> or <c>tool</c>.</summary>
    [JsonPropertyName("role")]
    public required ChatMessageRole Role { get; init; }

    /// <summary>
    /// The content: a string (<c>"..."</c>) or a list of chunks; <see langword="null"/> is left out of the JSON (an
    /// assistant message that only carries <see cref="ToolCalls"/>).
    /// </summary>
    [JsonPropertyName("content")]
    public MessageContent? Content { get; init; }

    /// <summary>The reasoning steps of an earlier assistant answer, when a conversation sends them back.</summary>
    [JsonPropertyName("reasoning_steps")]
    public IReadOnlyList<ReasoningStep>? ReasoningSteps { get; init; }

    /// <summary>The tool calls of an earlier assistant answer (role <c>assistant</c>).</summary>
    [JsonPropertyName("tool_calls")]
    public IReadOnlyList<ToolCall>? ToolCalls { get; init; }

    /// <summary>The tool call this message answers (role <c>tool</c>).</summary>
    [JsonPropertyName("tool_call_id")]
    public string? ToolCallId { get; init; }

    /// <summary>Properties to send that this version of the SDK does not model; written as they are.</summary>
    [JsonIgnore]
    public IDictionary<string, JsonElement>? AdditionalProperties
    {
        get => _additionalProperties;
        init => _additionalProperties = value;
    }

    // The serializer binds init-only properties through a constructor, which extension data cannot use; this
    // settable twin over the same field is what it reads and writes.
    [JsonExtensionData]
    [JsonInclude]
    internal IDictionary<string, JsonElement>? ExtensionData
    {
        get => _additionalProperties;
        set => _additionalProperties = value;
    }

    /// <summary>Creates a <c>system</c> message: instructions for the model.</summary>
    /// <param name="content">The instructions, as text or chunks.</param>
    public static ChatRequestMessage System(MessageContent content) => new() { Role = ChatMessageRole.System, Content = content };

    /// <summary>Creates a <c>user</c> message: the question or task.</summary>
    /// <param name="content">The question, as text or chunks (for example an image with a question about it).</param>
    public static ChatRequestMessage User(MessageContent content) => new() { Role = ChatMessageRole.User, Content = content };

    /// <summary>Creates an <c>assistant</c> message: an earlier answer, to continue a conversation.</summary>
    /// <param name="content">The earlier answer.</param>
    public static ChatRequestMessage Assistant(MessageContent content) => new() { Role = ChatMessageRole.Assistant, Content = content };

    /// <summary>Creates a <c>tool</c> message: the result of a tool call the model made.</summary>
    /// <param name="toolCallId">The <see cref="ToolCall.Id"/> this result answers.</param>
    /// <param name="content">The tool's result.</param>
    public static ChatRequestMessage Tool(string toolCallId, MessageContent content) =>
        new() { Role = ChatMessageRole.Tool, ToolCallId = toolCallId, Content = content };
}
