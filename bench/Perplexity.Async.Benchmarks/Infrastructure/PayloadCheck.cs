using System;
using System.Linq;
using Perplexity.Async.Benchmarks.Baseline;

namespace Perplexity.Async.Benchmarks.Infrastructure;

/// <summary>
/// Proves, before anything is measured, that the SDK and the baseline read the same payload to the same data,
/// so the two sides of every ratio do the same work. A mismatch fails the run (and the CI dry run).
/// </summary>
public static class PayloadCheck
{
    public static void Same(AsyncApiChatCompletionsResponse? sdk, JobDto? dto)
    {
        if (sdk is null || dto is null)
        {
            throw new InvalidOperationException("A side read the payload as null.");
        }

        Expect(sdk.Id == dto.Id, "id");
        Expect(sdk.Status.Value == dto.Status, "status");
        Expect(sdk.CreatedAt.ToUnixTimeSeconds() == dto.CreatedAt, "created_at");
        Expect((sdk.Response is null) == (dto.Response is null), "response presence");
        if (sdk.Response is not { } completion || dto.Response is not { } expected)
        {
            return;
        }

        Expect(completion.Choices.Count == expected.Choices.Count, "choices");
        var message = completion.Choices[0].Message;
        var expectedMessage = expected.Choices[0].Message;
        Expect(message.Content?.IsText == (expectedMessage.Content?.Text is not null), "content form");
        Expect(message.Content?.Parts.Count == (expectedMessage.Content?.Parts?.Count ?? 1), "content parts");
        Expect(message.Content?.Text == (expectedMessage.Content?.Text
            ?? string.Concat(expectedMessage.Content!.Parts!.Where(p => p.Type == "text").Select(p => p.Text))), "content text");
        Expect(message.ReasoningSteps?.Count == expectedMessage.ReasoningSteps?.Count, "reasoning steps");
        Expect(
            message.ReasoningSteps?.Sum(s => (s.WebSearch?.SearchResults.Count ?? 0) + (s.FetchUrlContent?.Contents.Count ?? 0))
                == expectedMessage.ReasoningSteps?.Sum(s => (s.WebSearch?.SearchResults.Count ?? 0) + (s.FetchUrlContent?.Contents.Count ?? 0)),
            "reasoning search results");
        Expect(message.ToolCalls?.Count == expectedMessage.ToolCalls?.Count, "tool calls");
        Expect(completion.Citations?.Count == expected.Citations?.Count, "citations");
        Expect(completion.SearchResults?.Count == expected.SearchResults?.Count, "search results");
        Expect(completion.Images?.Count == expected.Images?.Count, "images");
        Expect(completion.RelatedQuestions?.Count == expected.RelatedQuestions?.Count, "related questions");
        Expect(completion.Usage?.Cost?.TotalCost == expected.Usage?.Cost?.TotalCost, "total cost");
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"The SDK and the baseline disagree on the payload's {what}.");
        }
    }
}
