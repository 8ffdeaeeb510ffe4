using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Perplexity.Async.Internal;

/// <summary>
/// Turns job envelopes into Microsoft.Extensions.AI results: a <see cref="ChatResponse"/> or the final
/// <see cref="ChatResponseUpdate"/> for a completed job, a status update or a pending response for a running one.
/// </summary>
internal static class ResponseMapper
{
    private static readonly JsonTypeInfo<IDictionary<string, object?>> ArgumentsTypeInfo =
        (JsonTypeInfo<IDictionary<string, object?>>)AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>));

    /// <summary>The response of a completed job (its <see cref="AsyncApiChatCompletionsResponse.Response"/> is set).</summary>
    public static ChatResponse ToChatResponse(AsyncApiChatCompletionsResponse envelope, bool includeReasoning)
    {
        var completion = envelope.Response!;
        var choice = FirstChoice(completion);
        var message = new AIChatMessage(ChatRole.Assistant, ContentsOf(choice?.Message, completion, includeReasoning))
        {
            MessageId = completion.Id,
            CreatedAt = completion.Created,
            RawRepresentation = choice?.Message,
        };

        return new ChatResponse(message)
        {
            ResponseId = envelope.Id,
            ModelId = completion.Model,
            CreatedAt = completion.Created,
            FinishReason = FinishReasonOf(choice?.FinishReason),
            Usage = UsageOf(completion.Usage),
            RawRepresentation = envelope,
            AdditionalProperties = PropertiesOf(envelope),
        };
    }

    /// <summary>The last update of a stream: the whole answer of a completed job, with its usage as <see cref="UsageContent"/>.</summary>
    public static ChatResponseUpdate ToFinalUpdate(AsyncApiChatCompletionsResponse envelope, bool includeReasoning)
    {
        var completion = envelope.Response!;
        var choice = FirstChoice(completion);
        var contents = ContentsOf(choice?.Message, completion, includeReasoning);
        if (UsageOf(completion.Usage) is { } usage)
        {
            contents.Add(new UsageContent(usage));
        }

        return new ChatResponseUpdate(ChatRole.Assistant, contents)
        {
            ResponseId = envelope.Id,
            MessageId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = completion.Created,
            FinishReason = FinishReasonOf(choice?.FinishReason),
            RawRepresentation = envelope,
            AdditionalProperties = PropertiesOf(envelope),
        };
    }

    /// <summary>
    /// An update without content that says where a running job is: its status under
    /// <see cref="PerplexityChatResponseProperties.Status"/>, the envelope as the raw representation.
    /// </summary>
    public static ChatResponseUpdate ToStatusUpdate(AsyncApiChatCompletionsResponse envelope, ResponseContinuationToken? continuationToken) =>
        new()
        {
            Role = ChatRole.Assistant,
            ResponseId = envelope.Id,
            ModelId = envelope.Model,
            CreatedAt = envelope.CreatedAt,
            RawRepresentation = envelope,
            ContinuationToken = continuationToken,
            AdditionalProperties = new() { [PerplexityChatResponseProperties.Status] = envelope.Status.Value },
        };

    /// <summary>A background response for a job still running: no messages, its status, and the token to poll it with.</summary>
    public static ChatResponse ToPendingResponse(AsyncApiChatCompletionsResponse envelope, ResponseContinuationToken continuationToken) =>
        new()
        {
            ResponseId = envelope.Id,
            ModelId = envelope.Model,
            CreatedAt = envelope.CreatedAt,
            RawRepresentation = envelope,
            ContinuationToken = continuationToken,
            AdditionalProperties = new() { [PerplexityChatResponseProperties.Status] = envelope.Status.Value },
        };

    private static Choice? FirstChoice(CompletionResponse completion) =>
        completion.Choices is { Count: > 0 } choices ? choices[0] : null;

    private static List<AIContent> ContentsOf(ChatMessage? message, CompletionResponse completion, bool includeReasoning)
    {
        var contents = new List<AIContent>();
        var text = message?.Content?.Text;
        var (thinking, answer) = text is null ? (null, null) : ThinkSplitter.Split(text);
        if (includeReasoning)
        {
            foreach (var step in message?.ReasoningSteps ?? Array.Empty<ReasoningStep>())
            {
                contents.Add(new TextReasoningContent(step.Thought) { RawRepresentation = step });
            }

            if (thinking is not null)
            {
                contents.Add(new TextReasoningContent(thinking));
            }
        }

        if (answer is not null)
        {
            contents.Add(new TextContent(answer)
            {
                Annotations = CitationMapper.Map(answer, completion),
                RawRepresentation = message!.Content,
            });
        }

        foreach (var call in message?.ToolCalls ?? Array.Empty<ToolCall>())
        {
            contents.Add(FunctionCallOf(call));
        }

        return contents;
    }

    private static FunctionCallContent FunctionCallOf(ToolCall call)
    {
        var content = FunctionCallContent.CreateFromParsedArguments(
            string.IsNullOrEmpty(call.Function?.Arguments) ? "{}" : call.Function!.Arguments!,
            call.Id ?? string.Empty,
            call.Function?.Name ?? string.Empty,
            static json => JsonSerializer.Deserialize(json, ArgumentsTypeInfo));
        content.RawRepresentation = call;
        return content;
    }

    private static ChatFinishReason? FinishReasonOf(FinishReason? reason)
    {
        if (reason is not { } value || value.Value.Length == 0)
        {
            return null;
        }

        if (value == FinishReason.Stop)
        {
            return ChatFinishReason.Stop;
        }

        if (value == FinishReason.Length)
        {
            return ChatFinishReason.Length;
        }

        return value.Value.ToUpperInvariant() switch
        {
            "TOOL_CALLS" => ChatFinishReason.ToolCalls,
            "CONTENT_FILTER" => ChatFinishReason.ContentFilter,
            _ => new ChatFinishReason(value.Value),
        };
    }

    private static UsageDetails? UsageOf(UsageInfo? usage)
    {
        if (usage is null)
        {
            return null;
        }

        var details = new UsageDetails
        {
            InputTokenCount = usage.PromptTokens,
            OutputTokenCount = usage.CompletionTokens,
            TotalTokenCount = usage.TotalTokens,
            ReasoningTokenCount = usage.ReasoningTokens,
        };

        if (usage.CitationTokens is { } citationTokens)
        {
            (details.AdditionalCounts ??= new())[PerplexityChatResponseProperties.CitationTokens] = citationTokens;
        }

        if (usage.NumSearchQueries is { } searchQueries)
        {
            (details.AdditionalCounts ??= new())[PerplexityChatResponseProperties.SearchQueries] = searchQueries;
        }

        return details;
    }

    private static AdditionalPropertiesDictionary PropertiesOf(AsyncApiChatCompletionsResponse envelope)
    {
        var completion = envelope.Response!;
        var properties = new AdditionalPropertiesDictionary
        {
            [PerplexityChatResponseProperties.Status] = envelope.Status.Value,
        };

        if (completion.Usage?.Cost is { } cost)
        {
            properties[PerplexityChatResponseProperties.Cost] = cost;
        }

        if (completion.RelatedQuestions is { } relatedQuestions)
        {
            properties[PerplexityChatResponseProperties.RelatedQuestions] = relatedQuestions;
        }

        if (completion.Images is { } images)
        {
            properties[PerplexityChatResponseProperties.Images] = images;
        }

        if (completion.SearchResults is { } searchResults)
        {
            properties[PerplexityChatResponseProperties.SearchResults] = searchResults;
        }

        return properties;
    }
}
