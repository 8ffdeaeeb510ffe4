using System;
using System.Linq;
using Perplexity.Async.Benchmarks.Baseline;

namespace Perplexity.Async.Benchmarks.Infrastructure;

/// <summary>
/// <see cref="PayloadCheck"/> for the Agent API: before anything is measured, the SDK and the baseline must read the
/// payload to the same data (ids, status, items by type, every search result and fetched page, the answer text, tokens
/// and cost), so both sides of the ratio do the same work. A mismatch fails the run (and the CI dry run).
/// </summary>
public static class AgentPayloadCheck
{
    public static void Same(AgentResponse? sdk, AgentResponseDto? dto)
    {
        if (sdk is null || dto is null)
        {
            throw new InvalidOperationException("A side read the payload as null.");
        }

        var output = dto.Output ?? [];
        Expect(sdk.Id == dto.Id, "id");
        Expect(sdk.Status.Value == dto.Status, "status");
        Expect(sdk.Model == dto.Model, "model");
        Expect(sdk.CreatedAt.ToUnixTimeSeconds() == dto.CreatedAt, "created_at");
        Expect(sdk.CompletedAt?.ToUnixTimeSeconds() == dto.CompletedAt, "completed_at");
        Expect(sdk.Output.Select(i => i.Type).SequenceEqual(output.Select(i => i.Type)), "output item types");
        Expect(
            sdk.SearchResults.Select(r => (r.Id, r.Url, r.Title, r.Snippet, r.Date, r.LastUpdated, r.Source?.Value))
                .SequenceEqual(output.Where(i => i.Type == "search_results").SelectMany(i => i.Results ?? [])
                    .Select(r => (r.Id, r.Url, r.Title, r.Snippet ?? string.Empty, r.Date, r.LastUpdated, r.Source))),
            "search results");
        Expect(
            sdk.Output.OfType<AgentFetchUrlResultsOutputItem>().SelectMany(i => i.Contents).Select(c => (c.Url, c.Title, c.Snippet))
                .SequenceEqual(output.Where(i => i.Type == "fetch_url_results").SelectMany(i => i.Contents ?? []).Select(c => (c.Url, c.Title, c.Snippet))),
            "fetched pages");
        Expect(
            sdk.OutputText == string.Concat(output.Where(i => i.Type == "message").SelectMany(i => i.Content ?? [])
                .Where(p => p.Type == "output_text").Select(p => p.Text)),
            "answer text");
        Expect(
            sdk.Output.OfType<AgentMessageOutputItem>().SelectMany(m => m.Content.OfType<AgentOutputTextPart>()).Sum(p => p.Annotations?.Count ?? 0)
                == output.SelectMany(i => i.Content ?? []).Sum(p => p.Annotations?.Count ?? 0),
            "annotations");
        Expect(sdk.Usage?.TotalTokens == dto.Usage?.TotalTokens, "total tokens");
        Expect(sdk.Usage?.OutputTokensDetails?.ReasoningTokens == dto.Usage?.OutputTokensDetails?.ReasoningTokens, "reasoning tokens");
        Expect(sdk.Usage?.ToolCallsDetails?.Count == dto.Usage?.ToolCallsDetails?.Count, "tool call details");
        Expect(
            sdk.Usage?.ToolCallsDetails?.Values.Sum(d => d.TokenUsage?.Count ?? 0) == dto.Usage?.ToolCallsDetails?.Values.Sum(d => d.TokenUsage?.Count ?? 0),
            "tool token usage");
        Expect(sdk.Usage?.Cost?.TotalCost == dto.Usage?.Cost?.TotalCost, "total cost");
        Expect(sdk.Usage?.Cost?.CacheReadCost == dto.Usage?.Cost?.CacheReadCost, "cache read cost");
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"The SDK and the baseline disagree on the Agent payload's {what}.");
        }
    }
}
