using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>A chat message in a completion (the schema's <c>ChatMessage-Output</c>).</summary>
public sealed record ChatMessage : IJsonOnDeserialized
{
    /// <summary>Who wrote the message.</summary>
    [JsonPropertyName("role")]
    public required ChatMessageRole Role { get; init; }

    /// <summary>The content: a string, a list of chunks, or <see langword="null"/>.</summary>
    [JsonPropertyName("content")]
    public MessageContent? Content { get; init; }

    /// <summary>The steps a reasoning model took (legacy route, reasoning and deep-research models).</summary>
    [JsonPropertyName("reasoning_steps")]
    public IReadOnlyList<ReasoningStep>? ReasoningSteps { get; init; }

    /// <summary>Tool calls the model made.</summary>
    [JsonPropertyName("tool_calls")]
    public IReadOnlyList<ToolCall>? ToolCalls { get; init; }

    /// <summary>The tool call this message answers (role <c>tool</c>).</summary>
    [JsonPropertyName("tool_call_id")]
    public string? ToolCallId { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }

    /// <summary>Refuses a JSON <c>null</c> inside a list whose items are never null (the serializer checks properties, not list items).</summary>
    void IJsonOnDeserialized.OnDeserialized()
    {
        NullItems.Check(ReasoningSteps, "reasoning_steps");
        NullItems.Check(ToolCalls, "tool_calls");
    }
}
