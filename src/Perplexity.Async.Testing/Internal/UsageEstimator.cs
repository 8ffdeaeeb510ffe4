using System;
using Perplexity.Async.Testing.Internal.Agent;

namespace Perplexity.Async.Testing.Internal;

/// <summary>
/// Plausible token counts and a cost for a generated answer. Prices approximate Perplexity's public price list
/// (US dollars per million tokens, per thousand searches, per request); they are for realistic output, not billing.
/// Agent runs are priced per token of the resolved model plus per tool invocation (<see cref="EstimateAgent"/>).
/// </summary>
internal static class UsageEstimator
{
    private const decimal PerMillion = 1_000_000m;

    public static UsageInfo Estimate(string model, string prompt, string answer, int keywordCount)
    {
        var promptTokens = 8 + (CountWords(prompt) * 4 / 3);
        var completionTokens = Math.Max(1, answer.Length / 4);
        var deepResearch = model.IndexOf("deep-research", StringComparison.OrdinalIgnoreCase) >= 0;
        var reasoning = ResearchAnswerGenerator.IsReasoningModel(model);
        var reasoningTokens = deepResearch ? 18_000 + (2_500 * keywordCount) + (prompt.Length * 40) : reasoning ? 900 + (prompt.Length * 6) : 0;
        var citationTokens = deepResearch ? 4_200 + (350 * keywordCount) : 0;
        var searches = deepResearch ? 12 : 1;
        var price = PriceOf(model);

        var inputCost = Round(promptTokens * price.Input / PerMillion);
        var outputCost = Round(completionTokens * price.Output / PerMillion);
        var reasoningCost = Round(reasoningTokens * price.Reasoning / PerMillion);
        var citationCost = Round(citationTokens * price.Citation / PerMillion);
        var searchCost = Round(searches * price.PerThousandSearches / 1000m);
        return new UsageInfo
        {
            PromptTokens = promptTokens,
            CompletionTokens = completionTokens,
            TotalTokens = promptTokens + completionTokens,
            SearchContextSize = "low",
            CitationTokens = deepResearch ? citationTokens : null,
            NumSearchQueries = searches,
            ReasoningTokens = reasoning ? reasoningTokens : null,
            Cost = new Cost
            {
                InputTokensCost = inputCost,
                OutputTokensCost = outputCost,
                ReasoningTokensCost = deepResearch ? reasoningCost : null,
                CitationTokensCost = deepResearch ? citationCost : null,
                SearchQueriesCost = deepResearch ? searchCost : null,
                RequestCost = price.Request,
                TotalCost = inputCost + outputCost + (deepResearch ? reasoningCost + citationCost + searchCost : 0m) + price.Request,
            },
        };
    }

    private static (decimal Input, decimal Output, decimal Reasoning, decimal Citation, decimal PerThousandSearches, decimal Request) PriceOf(string model) =>
        model.ToLowerInvariant() switch
        {
            var m when m.Contains("deep-research") => (2m, 8m, 3m, 2m, 5m, 0m),
            var m when m.Contains("reasoning") => (2m, 8m, 0m, 0m, 0m, 0.006m),
            var m when m.Contains("sonar-pro") => (3m, 15m, 0m, 0m, 0m, 0.006m),
            _ => (1m, 1m, 0m, 0m, 0m, 0.005m),
        };

    private static int CountWords(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static decimal Round(decimal value) => Math.Round(value, 6, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The usage of an Agent run: the prompt, the preset's system prompt and everything its searches and page reads
    /// put into context as input (a third of it cached after the first step of a multi-step run), the answer plus
    /// reasoning as output, each tool invocation at its observed price.
    /// </summary>
    /// <param name="model">The resolved model's prices.</param>
    /// <param name="preset">The preset, or null for a direct model.</param>
    /// <param name="prompt">The question.</param>
    /// <param name="answer">The text the run wrote (partial for an incomplete run).</param>
    /// <param name="keywordCount">How many keywords the question has; reasoning grows with them.</param>
    /// <param name="searches">Search invocations.</param>
    /// <param name="fetches">Pages read.</param>
    /// <param name="maxOutputTokens">The request's cap, or null.</param>
    public static RunUsage EstimateAgent(
        AgentModelPrice model, PresetSpec? preset, string prompt, string answer, int keywordCount, int searches, int fetches, int? maxOutputTokens)
    {
        var promptTokens = 8 + (CountWords(prompt) * 4 / 3);
        var systemTokens = preset is null ? 0 : 650;
        var contextTokens = (searches * 1_400) + (fetches * 2_600);
        var inputTokens = promptTokens + systemTokens + contextTokens;
        var cachedTokens = searches + fetches > 1 ? inputTokens / 3 : 0;
        var reasoningTokens = preset is null || preset.ReasoningTokens == 0 ? 0 : preset.ReasoningTokens + (250 * keywordCount);
        var outputTokens = Math.Max(1, answer.Length / 4) + reasoningTokens;
        if (maxOutputTokens is { } cap && outputTokens > Math.Max(16, cap))
        {
            outputTokens = Math.Max(16, cap);
            reasoningTokens = Math.Min(reasoningTokens, outputTokens / 2);
        }

        var searchPrice = preset?.SearchPrice ?? AgentCatalogue.SearchPrice;
        return new RunUsage
        {
            InputTokens = inputTokens,
            CachedTokens = cachedTokens,
            OutputTokens = outputTokens,
            ReasoningTokens = reasoningTokens,
            Searches = searches,
            Fetches = fetches,
            FetchInputTokens = fetches * 2_900,
            FetchOutputTokens = fetches * 420,
            InputCost = Round((inputTokens - cachedTokens) * model.InputPerMillion / PerMillion),
            OutputCost = Round(outputTokens * model.OutputPerMillion / PerMillion),
            CacheReadCost = Round(cachedTokens * model.CacheReadPerMillion / PerMillion),
            SearchCost = searches * searchPrice,
            FetchCost = fetches * AgentCatalogue.FetchPrice,
        };
    }
}
