using System;

namespace Perplexity.Async.Testing.Internal;

/// <summary>
/// Plausible token counts and a cost for a generated answer. Prices approximate Perplexity's public price list
/// (US dollars per million tokens, per thousand searches, per request); they are for realistic output, not billing.
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
}
