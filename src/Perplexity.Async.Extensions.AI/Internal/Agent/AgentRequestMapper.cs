using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIReasoningEffort = Microsoft.Extensions.AI.ReasoningEffort;

namespace Perplexity.Async.Internal.Agent;

/// <summary>
/// Builds the <see cref="AgentRequest"/> of one chat call. The fields are assembled as the JSON the API reads and then
/// bound with the SDK's serializer, so every field the SDK models (and any it does not) can come through
/// <see cref="ChatOptions.AdditionalProperties"/> under its wire name.
/// </summary>
/// <remarks>
/// Precedence, lowest first: <see cref="ChatOptions.AdditionalProperties"/>, the typed <see cref="ChatOptions"/>
/// properties, then the <see cref="AgentRequest"/> a <see cref="ChatOptions.RawRepresentationFactory"/> returns
/// (Microsoft.Extensions.AI's convention: the raw representation wins), and the default model last. The input is the
/// raw request's items, then the messages; the instructions are <see cref="ChatOptions.Instructions"/> then the system
/// messages, unless the raw request sets its own.
/// </remarks>
internal static class AgentRequestMapper
{
    private const string InputName = "input";
    private static readonly string[] ModelNames = ["model", "models", "preset", "profile"];
    private static readonly string[] RefusedNames = [InputName, "background", "stream"];

    // Perplexity has no JSON mode without a schema; an open object schema asks for JSON of any shape.
    private static readonly JsonElement AnyObjectSchema = JsonDocument.Parse("""{"type":"object"}""").RootElement.Clone();

    public static AgentRequest Build(
        IEnumerable<AIChatMessage> messages, ChatOptions? options, string defaultModelId, IChatClient chatClient)
    {
        var raw = options?.RawRepresentationFactory?.Invoke(chatClient) as AgentRequest;
        var json = new JsonObject();
        AddAdditionalProperties(json, options?.AdditionalProperties, nameof(options));
        var (items, systemText) = AgentInputMapper.Map(messages, nameof(messages));
        if (options is not null)
        {
            AddTypedOptions(json, options);
        }

        var instructions = Join(options?.Instructions, systemText);
        if (instructions is not null)
        {
            json["instructions"] = instructions;
        }

        if (raw is not null)
        {
            AddRaw(json, raw);
        }

        if (!HasModel(json))
        {
            SetModel(json, defaultModelId);
        }

        json[InputName] = "-";
        var request = JsonValues.DeserializeRequest<AgentRequest>(json, "Agent request", nameof(options));

        if (raw?.Input is { } rawInput && !(rawInput.IsText && string.IsNullOrEmpty(rawInput.Text)))
        {
            items.InsertRange(0, rawInput.Items);
        }

        if (items.Count == 0)
        {
            throw new ArgumentException("At least one message other than a system message is required.", nameof(messages));
        }

        return request with { Input = AgentInput.FromItems(items) };
    }

    private static void AddAdditionalProperties(JsonObject json, AdditionalPropertiesDictionary? properties, string parameterName)
    {
        if (properties is null)
        {
            return;
        }

        foreach (var property in properties)
        {
            if (Array.IndexOf(RefusedNames, property.Key) >= 0)
            {
                throw new ArgumentException(
                    $"ChatOptions.AdditionalProperties has '{property.Key}', which the chat client sets itself: pass the conversation as the call's messages, and set ChatOptions.AllowBackgroundResponses or call GetStreamingResponseAsync instead.",
                    parameterName);
            }

            if (property.Value is not null)
            {
                json[property.Key] = JsonValues.ToNode(property.Value);
            }
        }
    }

    private static void AddTypedOptions(JsonObject json, ChatOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ModelId))
        {
            SetModel(json, options.ModelId!);
        }

        if (options.MaxOutputTokens is { } maxOutputTokens)
        {
            json["max_output_tokens"] = maxOutputTokens;
        }

        Set(json, "temperature", options.Temperature);
        Set(json, "top_p", options.TopP);
        if (options.ResponseFormat is ChatResponseFormatJson format)
        {
            json["response_format"] = JsonValues.ToNode(AgentResponseFormat.ForJsonSchema(
                string.IsNullOrWhiteSpace(format.SchemaName) ? "response" : format.SchemaName!,
                format.Schema ?? AnyObjectSchema,
                format.SchemaDescription));
        }

        if (options.Reasoning?.Effort is { } effort)
        {
            json["reasoning"] = JsonValues.ToNode(new AgentReasoning { Effort = EffortOf(effort) });
        }

        if (!string.IsNullOrWhiteSpace(options.ConversationId))
        {
            json["previous_response_id"] = options.ConversationId;
        }

        AddTools(json, options);
    }

    private static void AddTools(JsonObject json, ChatOptions options)
    {
        if (options.Tools is { Count: > 0 } tools)
        {
            var mapped = new List<AgentTool>();
            foreach (var tool in tools)
            {
                switch (tool)
                {
                    case AIFunctionDeclaration function:
                        mapped.Add(new AgentFunctionTool
                        {
                            Name = function.Name,
                            Description = string.IsNullOrEmpty(function.Description) ? null : function.Description,
                            Parameters = function.JsonSchema,
                        });
                        break;
                    case HostedWebSearchTool:
                        mapped.Add(AgentTool.WebSearch());
                        break;
                    default:
                        // Other provider-hosted tools (code interpreter, file search) have no Agent API equivalent here.
                        break;
                }
            }

            if (mapped.Count > 0)
            {
                // Tools given in AdditionalProperties (built-in tools with their settings) come first.
                var array = json["tools"] as JsonArray ?? new JsonArray();
                foreach (var node in JsonSerializer.SerializeToNode<IReadOnlyList<AgentTool>>(mapped, PerplexityJson.GetTypeInfo<IReadOnlyList<AgentTool>>())!.AsArray())
                {
                    array.Add(node?.DeepClone());
                }

                json["tools"] = array;
            }
        }

        var choice = options.ToolMode switch
        {
            NoneChatToolMode => AgentToolChoice.None,
            AutoChatToolMode => AgentToolChoice.Auto,
            RequiredChatToolMode { RequiredFunctionName: { } name } => AgentToolChoice.ForFunction(name),
            RequiredChatToolMode => AgentToolChoice.Required,
            _ => null,
        };
        if (choice is not null)
        {
            json["tool_choice"] = JsonValues.ToNode(choice);
        }

        // Sent only when the caller set it: the field is opt-in on the Agent API (a deployment whose schema lacks it
        // answers 400 naming parallel_tool_calls, a clear error rather than a setting dropped in silence).
        if (options.AllowMultipleToolCalls is { } parallel)
        {
            json["parallel_tool_calls"] = parallel;
        }
    }

    private static void AddRaw(JsonObject json, AgentRequest raw)
    {
        var node = JsonSerializer.SerializeToNode(raw with { Input = "-" }, PerplexityJson.GetTypeInfo<AgentRequest>())!.AsObject();
        var rawSetsModel = false;
        foreach (var name in ModelNames)
        {
            rawSetsModel |= node.ContainsKey(name);
        }

        if (rawSetsModel)
        {
            foreach (var name in ModelNames)
            {
                json.Remove(name);
            }
        }

        foreach (var property in node)
        {
            if (property.Key != InputName)
            {
                json[property.Key] = property.Value?.DeepClone();
            }
        }
    }

    private static bool HasModel(JsonObject json)
    {
        foreach (var name in ModelNames)
        {
            if (json.ContainsKey(name))
            {
                return true;
            }
        }

        return false;
    }

    private static void SetModel(JsonObject json, string modelId)
    {
        foreach (var name in ModelNames)
        {
            json.Remove(name);
        }

        if (AgentModelIds.IsModel(modelId))
        {
            json["model"] = modelId.Trim();
        }
        else
        {
            json["preset"] = AgentModelIds.PresetOf(modelId);
        }
    }

    private static string? Join(string? first, string? second)
    {
        var hasFirst = !string.IsNullOrWhiteSpace(first);
        var hasSecond = !string.IsNullOrWhiteSpace(second);
        return hasFirst && hasSecond ? first + "\n\n" + second : hasFirst ? first : hasSecond ? second : null;
    }

    private static AgentReasoningEffort EffortOf(AIReasoningEffort effort) => effort switch
    {
        AIReasoningEffort.None => AgentReasoningEffort.Minimal,
        AIReasoningEffort.Low => AgentReasoningEffort.Low,
        AIReasoningEffort.Medium => AgentReasoningEffort.Medium,
        AIReasoningEffort.High => AgentReasoningEffort.High,
        _ => AgentReasoningEffort.XHigh,
    };

    // Through the shortest text form, so 0.7f is sent as 0.7 and not as 0.699999988079071.
    private static void Set(JsonObject json, string name, float? value)
    {
        if (value is { } number)
        {
            json[name] = double.Parse(number.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }
    }
}
