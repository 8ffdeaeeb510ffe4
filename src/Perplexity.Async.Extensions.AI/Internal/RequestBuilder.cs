using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIReasoningEffort = Microsoft.Extensions.AI.ReasoningEffort;

namespace Perplexity.Async.Internal;

/// <summary>
/// Builds the create request of one chat call. The parameters are assembled as the JSON the API reads and then
/// bound with the SDK's own serializer, so every parameter the SDK models (and any it does not) can come through
/// <see cref="ChatOptions.AdditionalProperties"/> under its wire name, with the SDK's converters.
/// </summary>
/// <remarks>
/// Precedence, lowest first: <see cref="ChatOptions.AdditionalProperties"/>, the typed <see cref="ChatOptions"/>
/// properties, then the <see cref="ChatCompletionRequest"/> a <see cref="ChatOptions.RawRepresentationFactory"/>
/// returns (Microsoft.Extensions.AI's convention: the raw representation wins), and the default model last.
/// </remarks>
internal static class RequestBuilder
{
    private const string ModelName = "model";
    private const string MessagesName = "messages";

    // Perplexity has no JSON mode without a schema; an open object schema asks for JSON of any shape.
    private static readonly JsonElement AnyObjectSchema = JsonDocument.Parse("""{"type":"object"}""").RootElement.Clone();

    public static ChatCompletionRequest Build(
        IEnumerable<AIChatMessage> messages, ChatOptions? options, string defaultModelId, IChatClient chatClient)
    {
        var raw = options?.RawRepresentationFactory?.Invoke(chatClient) as ChatCompletionRequest;
        var json = new JsonObject();
        AddAdditionalProperties(json, options?.AdditionalProperties, nameof(options));
        if (options is not null)
        {
            AddTypedOptions(json, options);
        }

        if (raw is not null)
        {
            AddRaw(json, raw);
        }

        if (!json.ContainsKey(ModelName))
        {
            json[ModelName] = defaultModelId;
        }

        json[MessagesName] = new JsonArray();
        var request = JsonValues.DeserializeRequest<ChatCompletionRequest>(json, "Perplexity request", nameof(options));

        var mapped = MessageMapper.Map(messages, options?.Instructions);
        if (raw?.Messages is { Count: > 0 } rawMessages)
        {
            mapped.InsertRange(0, rawMessages);
        }

        return request with { Messages = mapped };
    }

    private static void AddAdditionalProperties(JsonObject json, AdditionalPropertiesDictionary? properties, string parameterName)
    {
        if (properties is null)
        {
            return;
        }

        foreach (var property in properties)
        {
            if (string.Equals(property.Key, MessagesName, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    "ChatOptions.AdditionalProperties has 'messages'; pass the messages as the call's messages instead.", parameterName);
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
            json[ModelName] = options.ModelId;
        }

        Set(json, "max_tokens", options.MaxOutputTokens);
        Set(json, "temperature", options.Temperature);
        Set(json, "top_p", options.TopP);
        Set(json, "top_k", options.TopK);
        Set(json, "presence_penalty", options.PresencePenalty);
        Set(json, "frequency_penalty", options.FrequencyPenalty);
        if (options.StopSequences is { Count: > 0 } stop)
        {
            json["stop"] = JsonValues.ToNode(StopSequences.FromList(stop));
        }

        if (ResponseFormatOf(options.ResponseFormat) is { } format)
        {
            json["response_format"] = JsonValues.ToNode(format);
        }

        if (options.Reasoning?.Effort is { } effort)
        {
            json["reasoning_effort"] = EffortOf(effort).Value;
        }

        AddTools(json, options);
    }

    private static void AddTools(JsonObject json, ChatOptions options)
    {
        if (options.Tools is { Count: > 0 } tools)
        {
            var mapped = new List<ChatTool>();
            foreach (var tool in tools)
            {
                // Only functions can be declared to the API; provider-hosted tools (web search, code) have no equivalent.
                if (tool is AIFunctionDeclaration function)
                {
                    mapped.Add(new ChatTool
                    {
                        Function = new ChatToolFunction
                        {
                            Name = function.Name,
                            Description = function.Description ?? string.Empty,
                            Parameters = function.JsonSchema,
                        },
                    });
                }
            }

            if (mapped.Count > 0)
            {
                json["tools"] = JsonValues.ToNode(mapped.ToArray());
            }
        }

        switch (options.ToolMode)
        {
            case NoneChatToolMode:
                json["tool_choice"] = ToolChoice.None.Value;
                break;
            case AutoChatToolMode:
                json["tool_choice"] = ToolChoice.Auto.Value;
                break;
            case RequiredChatToolMode:
                json["tool_choice"] = ToolChoice.Required.Value;
                break;
        }

        if (options.AllowMultipleToolCalls is { } parallel)
        {
            json["parallel_tool_calls"] = parallel;
        }
    }

    private static void AddRaw(JsonObject json, ChatCompletionRequest raw)
    {
        var node = JsonSerializer.SerializeToNode(raw, PerplexityJson.GetTypeInfo<ChatCompletionRequest>())!.AsObject();
        foreach (var property in node)
        {
            var isUnsetModel = property.Key == ModelName && string.IsNullOrWhiteSpace(raw.Model);
            if (property.Key != MessagesName && !isUnsetModel)
            {
                json[property.Key] = property.Value?.DeepClone();
            }
        }
    }

    private static ResponseFormat? ResponseFormatOf(ChatResponseFormat? format) => format switch
    {
        ChatResponseFormatText => ResponseFormat.Text,
        ChatResponseFormatJson json => ResponseFormat.ForJsonSchema(
            json.Schema ?? AnyObjectSchema, json.SchemaName, json.SchemaDescription),
        _ => null,
    };

    // Perplexity's lowest level is "minimal" and its highest "high"; the levels outside its range map to those.
    private static ReasoningEffort EffortOf(AIReasoningEffort effort) => effort switch
    {
        AIReasoningEffort.None => ReasoningEffort.Minimal,
        AIReasoningEffort.Low => ReasoningEffort.Low,
        AIReasoningEffort.Medium => ReasoningEffort.Medium,
        _ => ReasoningEffort.High,
    };

    private static void Set(JsonObject json, string name, int? value)
    {
        if (value is { } number)
        {
            json[name] = number;
        }
    }

    // Through the shortest text form, so 0.7f is sent as 0.7 and not as 0.699999988079071.
    private static void Set(JsonObject json, string name, float? value)
    {
        if (value is { } number)
        {
            json[name] = double.Parse(number.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }
    }
}
