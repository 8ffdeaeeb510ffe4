using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>
/// One item of a request's <c>input</c> list, keyed by <see cref="Type"/>: <see cref="AgentMessageInputItem"/>,
/// <see cref="AgentFunctionCallInputItem"/> (a call the model made earlier, replayed),
/// <see cref="AgentFunctionCallOutputInputItem"/> (its result), or <see cref="AgentUnknownInputItem"/> to send an item
/// type this version of the SDK does not model, as raw JSON.
/// </summary>
/// <example>
/// <code>
/// Input = [AgentInputItem.UserMessage("What is the weather in Paris?"), call, AgentInputItem.FunctionCallOutput(call.CallId, "18°C, sunny")],
/// </code>
/// </example>
[JsonConverter(typeof(AgentInputItemConverter))]
public abstract record AgentInputItem
{
    private IDictionary<string, JsonElement>? _additionalProperties;

    private protected AgentInputItem()
    {
    }

    /// <summary>The item's <c>type</c> on the wire, for example <c>message</c>.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public abstract string Type { get; }

    /// <summary>
    /// Properties to send that this version of the SDK does not model, written next to the typed ones; a name a typed
    /// property already writes is refused before the request is sent.
    /// </summary>
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

    /// <summary>Creates a <c>user</c> message: the question or task.</summary>
    /// <param name="content">The content, as text or parts.</param>
    public static AgentMessageInputItem UserMessage(AgentInputContent content) => Message(AgentMessageRole.User, content);

    /// <summary>Creates an <c>assistant</c> message: an earlier answer, to continue a conversation.</summary>
    /// <param name="content">The earlier answer.</param>
    public static AgentMessageInputItem AssistantMessage(AgentInputContent content) => Message(AgentMessageRole.Assistant, content);

    /// <summary>Creates a <c>system</c> message: instructions for the model (or set <see cref="AgentRequest.Instructions"/>).</summary>
    /// <param name="content">The instructions.</param>
    public static AgentMessageInputItem SystemMessage(AgentInputContent content) => Message(AgentMessageRole.System, content);

    /// <summary>Creates a <c>developer</c> message: instructions from the application.</summary>
    /// <param name="content">The instructions.</param>
    public static AgentMessageInputItem DeveloperMessage(AgentInputContent content) => Message(AgentMessageRole.Developer, content);

    /// <summary>Creates the result of a function call the model made.</summary>
    /// <param name="callId">The <see cref="AgentFunctionCallOutputItem.CallId"/> this result answers.</param>
    /// <param name="output">The result: a string (often JSON text) or text and image parts.</param>
    public static AgentFunctionCallOutputInputItem FunctionCallOutput(string callId, AgentInputContent output) =>
        new() { CallId = callId, Output = output };

    private static AgentMessageInputItem Message(AgentMessageRole role, AgentInputContent content) =>
        new() { Role = role, Content = content };
}
