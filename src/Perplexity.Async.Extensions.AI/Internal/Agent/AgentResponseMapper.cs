using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Perplexity.Async.Internal.Agent;

/// <summary>
/// Turns Agent runs into Microsoft.Extensions.AI results: the <see cref="ChatResponse"/> of a finished run, a pending
/// response for a running one, and the pieces streaming shares (usage, finish reason, citations, extras).
/// </summary>
internal static class AgentResponseMapper
{
    private const string ResultIdProperty = "result_id";
    private const string DateProperty = "date";
    private const string LastUpdatedProperty = "last_updated";

    private static readonly JsonTypeInfo<IDictionary<string, object?>> ArgumentsTypeInfo =
        (JsonTypeInfo<IDictionary<string, object?>>)AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>));

    /// <summary>The response of a <c>completed</c> or <c>incomplete</c> run: its messages, usage, extras, no continuation token.</summary>
    public static ChatResponse ToChatResponse(AgentResponse run)
    {
        var message = new AIChatMessage(ChatRole.Assistant, ContentsOf(run))
        {
            MessageId = MessageIdOf(run),
            CreatedAt = run.CreatedAt,
            RawRepresentation = run,
        };

        return new ChatResponse(message)
        {
            ResponseId = run.Id,
            ModelId = run.Model,
            CreatedAt = run.CreatedAt,
            FinishReason = FinishReasonOf(run),
            Usage = UsageOf(run.Usage),
            RawRepresentation = run,
            AdditionalProperties = PropertiesOf(run),
        };
    }

    /// <summary>A background response for a run still going: no messages, its status, and the token to poll it with.</summary>
    public static ChatResponse ToPendingResponse(AgentResponse run, ResponseContinuationToken token) =>
        new()
        {
            ResponseId = run.Id,
            ModelId = run.Model,
            CreatedAt = run.CreatedAt,
            RawRepresentation = run,
            ContinuationToken = token,
            AdditionalProperties = new() { [PerplexityChatResponseProperties.Status] = run.Status.Value },
        };

    /// <summary>The contents of a finished run, in output order: the answer with its citations, and the function calls.</summary>
    public static List<AIContent> ContentsOf(AgentResponse run)
    {
        var contents = new List<AIContent>();
        List<AIAnnotation>? sources = SourcesOf(run.SearchResults, cited: null);
        foreach (var item in run.Output)
        {
            switch (item)
            {
                case AgentMessageOutputItem message:
                    var text = message.Text;
                    var annotations = CitedOf(message);
                    if (sources is not null)
                    {
                        (annotations ??= new()).AddRange(sources);
                        sources = null;
                    }

                    contents.Add(new TextContent(text) { Annotations = annotations, RawRepresentation = message });
                    break;
                case AgentFunctionCallOutputItem call:
                    contents.Add(FunctionCallOf(call));
                    break;
            }
        }

        return contents;
    }

    public static FunctionCallContent FunctionCallOf(AgentFunctionCallOutputItem call)
    {
        var content = FunctionCallContent.CreateFromParsedArguments(
            string.IsNullOrEmpty(call.Arguments) ? "{}" : call.Arguments,
            call.CallId,
            call.Name,
            static json => JsonSerializer.Deserialize(json, ArgumentsTypeInfo));
        content.RawRepresentation = call;
        return content;
    }

    /// <summary>
    /// One <see cref="CitationAnnotation"/> per search result (title, snippet, its <c>id</c> under <c>result_id</c>),
    /// skipping the URLs in <paramref name="cited"/> (which it then also holds); null when there are none.
    /// </summary>
    public static List<AIAnnotation>? SourcesOf(IReadOnlyList<AgentSearchResult> results, HashSet<string>? cited)
    {
        List<AIAnnotation>? annotations = null;
        foreach (var result in results)
        {
            if (result is null || (cited is not null && !cited.Add(result.Url)))
            {
                continue;
            }

            var annotation = new CitationAnnotation
            {
                Url = Uri.TryCreate(result.Url, UriKind.Absolute, out var uri) ? uri : null,
                Title = result.Title,
                Snippet = string.IsNullOrEmpty(result.Snippet) ? null : result.Snippet,
                ToolName = "web_search",
                RawRepresentation = result,
                AdditionalProperties = new() { [ResultIdProperty] = result.Id },
            };

            if (result.Date is { } date)
            {
                annotation.AdditionalProperties[DateProperty] = date;
            }

            if (result.LastUpdated is { } lastUpdated)
            {
                annotation.AdditionalProperties[LastUpdatedProperty] = lastUpdated;
            }

            (annotations ??= new()).Add(annotation);
        }

        return annotations;
    }

    public static ChatFinishReason? FinishReasonOf(AgentResponse run)
    {
        if (run.Status == AgentResponseStatus.Incomplete)
        {
            return run.IncompleteDetails?.Reason is { } reason && reason != "max_output_tokens"
                ? new ChatFinishReason(reason)
                : ChatFinishReason.Length;
        }

        if (run.Status != AgentResponseStatus.Completed)
        {
            return null;
        }

        return run.FunctionCalls.Count > 0 ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop;
    }

    /// <summary>Usage with the reasoning and cached tokens, and cache writes under <see cref="PerplexityChatResponseProperties.CacheCreationInputTokens"/>.</summary>
    public static UsageDetails? UsageOf(AgentUsage? usage)
    {
        if (usage is null)
        {
            return null;
        }

        var input = usage.InputTokensDetails;
        var details = new UsageDetails
        {
            InputTokenCount = usage.InputTokens,
            OutputTokenCount = usage.OutputTokens,
            TotalTokenCount = usage.TotalTokens,
            CachedInputTokenCount = input?.CachedTokens ?? input?.CacheReadInputTokens,
            ReasoningTokenCount = usage.OutputTokensDetails?.ReasoningTokens,
        };

        if (input?.CacheCreationInputTokens is { } written)
        {
            (details.AdditionalCounts ??= new())[PerplexityChatResponseProperties.CacheCreationInputTokens] = written;
        }

        return details;
    }

    /// <summary>The status, the cost (an <see cref="AgentCost"/>) and the search results of a run.</summary>
    public static AdditionalPropertiesDictionary PropertiesOf(AgentResponse run)
    {
        var properties = new AdditionalPropertiesDictionary
        {
            [PerplexityChatResponseProperties.Status] = run.Status.Value,
        };

        if (run.Usage?.Cost is { } cost)
        {
            properties[PerplexityChatResponseProperties.Cost] = cost;
        }

        if (run.SearchResults is { Count: > 0 } results)
        {
            properties[PerplexityChatResponseProperties.SearchResults] = results;
        }

        return properties;
    }

    private static string? MessageIdOf(AgentResponse run)
    {
        foreach (var item in run.Output)
        {
            if (item is AgentMessageOutputItem message && message.Id is { } id)
            {
                return id;
            }
        }

        return null;
    }

    // The message's own url_citation annotations, spanning the text they cite.
    private static List<AIAnnotation>? CitedOf(AgentMessageOutputItem message)
    {
        List<AIAnnotation>? annotations = null;
        var offset = 0;
        foreach (var part in message.Content)
        {
            if (part is not AgentOutputTextPart text)
            {
                continue;
            }

            foreach (var cited in text.Annotations ?? Array.Empty<AgentAnnotation>())
            {
                if (cited?.Url is null)
                {
                    continue;
                }

                (annotations ??= new()).Add(new CitationAnnotation
                {
                    Url = Uri.TryCreate(cited.Url, UriKind.Absolute, out var uri) ? uri : null,
                    Title = cited.Title,
                    RawRepresentation = cited,
                    AnnotatedRegions = cited.StartIndex is { } start && cited.EndIndex is { } end
                        ? [new TextSpanAnnotatedRegion { StartIndex = offset + start, EndIndex = offset + end }]
                        : null,
                });
            }

            offset += text.Text.Length;
        }

        return annotations;
    }
}
