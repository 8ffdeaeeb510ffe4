using System.Globalization;
using Perplexity.Async;

namespace DeepResearch;

/// <summary>Prints a finished Agent API run: the answer, its sources, and what it used and cost.</summary>
internal static class AgentResultPrinter
{
    /// <summary>Prints <paramref name="run"/>; <paramref name="styled"/> renders the Markdown answer for a terminal.</summary>
    public static void Print(AgentResponse run, TextWriter output, bool styled = false)
    {
        Heading(output, run.Status == AgentResponseStatus.Incomplete ? $"Answer (incomplete: {run.IncompleteDetails?.Reason ?? "no reason given"})" : "Answer");
        if (run.OutputText.Length > 0)
        {
            TerminalMarkdown.Write(run.OutputText, output, styled);
        }
        else
        {
            output.WriteLine("(no text in the response)");
        }

        PrintSources(run, output);
        PrintUsage(run, output);
    }

    private static void PrintSources(AgentResponse run, TextWriter output)
    {
        var sources = run.SearchResults.OrderBy(s => s.Id).ToList();
        if (sources.Count == 0)
        {
            return;
        }

        Heading(output, $"Sources ({sources.Count})");
        foreach (var source in sources)
        {
            // The search result ids are what the answer's [web:N] marks refer to, more or less: Perplexity numbers them per run.
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{source.Id}] {source.Title}\n    {source.Url}"));
        }
    }

    private static void PrintUsage(AgentResponse run, TextWriter output)
    {
        Heading(output, "Usage and cost");
        if (run.Usage is not { } usage)
        {
            output.WriteLine("(the API reported no usage)");
            return;
        }

        var reasoning = usage.OutputTokensDetails?.ReasoningTokens;
        var cached = usage.InputTokensDetails?.CachedTokens;
        output.WriteLine(Invariant($"Tokens: {usage.InputTokens:N0} in")
            + (cached is > 0 ? Invariant($" ({cached:N0} cached)") : string.Empty)
            + Invariant($", {usage.OutputTokens:N0} out")
            + (reasoning is > 0 ? Invariant($" (including {reasoning:N0} reasoning)") : string.Empty)
            + Invariant($", {usage.TotalTokens:N0} total"));
        if (usage.Cost is not { } cost)
        {
            output.WriteLine("Cost: not reported");
            return;
        }

        // The API leaves out the parts that cost nothing; only those it itemized are listed.
        var parts = new List<string>();
        AddPart(parts, "input", cost.InputCost);
        AddPart(parts, "output", cost.OutputCost);
        AddPart(parts, "cache", (cost.CacheReadCost ?? 0) + (cost.CacheCreationCost ?? 0) is > 0 and var cache ? cache : null);
        AddPart(parts, "tools", cost.ToolCallsCost);
        output.WriteLine($"Cost: {Usd(cost.TotalCost)}" + (parts.Count > 0 ? $" ({string.Join(", ", parts)})" : string.Empty));
    }

    private static void AddPart(List<string> parts, string name, decimal? amount)
    {
        if (amount is { } value)
        {
            parts.Add($"{name} {Usd(value)}");
        }
    }

    /// <summary>US dollars, always with four decimals (runs cost fractions of a cent to a few dollars).</summary>
    internal static string Usd(decimal amount) => "$" + amount.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private static void Heading(TextWriter output, string title)
    {
        output.WriteLine();
        output.WriteLine(title);
        output.WriteLine(new string('-', title.Length));
    }
}
