using System;
using System.Collections.Generic;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>
/// The models and presets the emulated Agent API knows. Prices approximate public list prices (US dollars per
/// million tokens); they make costs plausible, they are not billing. Every preset resolves to
/// <c>openai/gpt-6-luna</c>, the model every live preset probe reported.
/// </summary>
internal static class AgentCatalogue
{
    /// <summary>The model presets resolve to.</summary>
    public const string PresetModel = "openai/gpt-6-luna";

    /// <summary>The model that reads fetched pages, reported in <c>tool_calls_details.fetch_url.token_usage</c>.</summary>
    public const string FetchModel = "openai/gpt-5-mini";

    /// <summary>US dollars per <c>search_web</c> invocation on a direct model (observed 0.0025).</summary>
    public const decimal SearchPrice = 0.0025m;

    /// <summary>US dollars per <c>fetch_url</c> invocation (observed about 0.0035).</summary>
    public const decimal FetchPrice = 0.0035m;

    private static readonly Dictionary<string, AgentModelPrice> Models = new(StringComparer.Ordinal)
    {
        ["openai/gpt-6-luna"] = new("openai/gpt-6-luna", 0.25m, 2m, 0.025m),
        ["openai/gpt-5.2"] = new("openai/gpt-5.2", 1.75m, 14m, 0.175m),
        ["openai/gpt-5.1"] = new("openai/gpt-5.1", 1.25m, 10m, 0.125m),
        ["openai/gpt-5-mini"] = new("openai/gpt-5-mini", 0.25m, 2m, 0.025m),
        ["anthropic/claude-sonnet-4-5"] = new("anthropic/claude-sonnet-4-5", 3m, 15m, 0.3m),
        ["google/gemini-2.5-pro"] = new("google/gemini-2.5-pro", 1.25m, 10m, 0.125m),
        ["google/gemini-3-flash-preview"] = new("google/gemini-3-flash-preview", 0.5m, 3m, 0.05m),
        ["perplexity/sonar"] = new("perplexity/sonar", 1m, 1m, 0m),
        ["xai/grok-4"] = new("xai/grok-4", 3m, 15m, 0.75m),
    };

    private static readonly Dictionary<string, PresetSpec> Presets = new(StringComparer.Ordinal)
    {
        ["fast"] = new("fast", PresetModel, Searches: 1, Fetches: 0, ReasoningTokens: 0, SearchPrice: 0.001m, ServiceTier: "fast"),
        ["low"] = new("low", PresetModel, Searches: 2, Fetches: 0, ReasoningTokens: 600, SearchPrice: SearchPrice, ServiceTier: "default"),
        ["medium"] = new("medium", PresetModel, Searches: 3, Fetches: 2, ReasoningTokens: 2_400, SearchPrice: SearchPrice, ServiceTier: "default"),
        ["high"] = new("high", PresetModel, Searches: 5, Fetches: 3, ReasoningTokens: 6_000, SearchPrice: SearchPrice, ServiceTier: "default"),
        ["xhigh"] = new("xhigh", PresetModel, Searches: 8, Fetches: 4, ReasoningTokens: 12_000, SearchPrice: SearchPrice, ServiceTier: "default"),
    };

    /// <summary>The previous preset names, still accepted for the first four presets.</summary>
    private static readonly Dictionary<string, string> PresetAliases = new(StringComparer.Ordinal)
    {
        ["fast-search"] = "fast",
        ["pro-search"] = "low",
        ["deep-research"] = "medium",
        ["advanced-deep-research"] = "high",
    };

    public static IEnumerable<string> ModelIds => Models.Keys;

    public static bool TryGetModel(string id, out AgentModelPrice model) => Models.TryGetValue(id, out model!);

    /// <summary>Finds a preset by its canonical or previous name.</summary>
    public static bool TryGetPreset(string name, out PresetSpec preset) =>
        Presets.TryGetValue(PresetAliases.TryGetValue(name, out var canonical) ? canonical : name, out preset!);

    public static bool IsAnthropic(string model) => model.StartsWith("anthropic/", StringComparison.Ordinal);
}
