using System.Globalization;
using Perplexity.Async;

namespace DeepResearch;

/// <summary>Prints a finished job: the answer, its citations, the reasoning steps in brief, and what it cost.</summary>
internal static class ResultPrinter
{
    private const int ThoughtWidth = 100;

    /// <summary>Prints <paramref name="response"/>; <paramref name="styled"/> renders the Markdown answer for a terminal.</summary>
    public static void Print(CompletionResponse response, TextWriter output, bool styled = false)
    {
        PrintAnswer(response, output, styled);
        PrintCitations(response, output);
        PrintReasoningSteps(response, output);
        PrintRelatedQuestions(response, output);
        PrintCost(response, output);
    }

    private static void PrintAnswer(CompletionResponse response, TextWriter output, bool styled)
    {
        Heading(output, "Answer");
        // Text is the first choice's message content; deep research answers are Markdown with [n] citation marks.
        if (response.Text is { Length: > 0 } text)
        {
            TerminalMarkdown.Write(text, output, styled);
        }
        else
        {
            output.WriteLine("(no text in the response)");
        }
    }

    private static void PrintCitations(CompletionResponse response, TextWriter output)
    {
        if (response.Citations is not { Count: > 0 } citations)
        {
            return;
        }

        Heading(output, "Citations");
        for (var i = 0; i < citations.Count; i++)
        {
            // The [n] marks in the answer count from 1; the search results carry each source's title.
            var title = response.SearchResults?.FirstOrDefault(r => r.Url == citations[i])?.Title;
            output.WriteLine(title is null ? $"[{i + 1}] {citations[i]}" : $"[{i + 1}] {title}\n    {citations[i]}");
        }
    }

    private static void PrintReasoningSteps(CompletionResponse response, TextWriter output)
    {
        // The legacy route (client.ChatCompletions) returns them for reasoning models; the sonar route may not.
        var steps = response.Choices.Count > 0 ? response.Choices[0].Message.ReasoningSteps : null;
        if (steps is not { Count: > 0 })
        {
            return;
        }

        Heading(output, $"Reasoning ({steps.Count} steps)");
        for (var i = 0; i < steps.Count; i++)
        {
            output.WriteLine($"{i + 1,2}. {Brief(steps[i].Thought)}{Detail(steps[i])}");
        }
    }

    private static string Detail(ReasoningStep step)
    {
        if (step.WebSearch is { } search)
        {
            return $" [searched: {string.Join(", ", search.SearchKeywords.Select(k => $"\"{k}\""))}]";
        }

        if (step.FetchUrlContent is { } fetch)
        {
            return $" [read {fetch.Contents.Count} page(s)]";
        }

        if (step.ExecutePython is { } python)
        {
            return $" [ran Python: {Brief(python.Result)}]";
        }

        return step.Type is null ? string.Empty : $" [{step.Type}]";
    }

    private static void PrintRelatedQuestions(CompletionResponse response, TextWriter output)
    {
        if (response.RelatedQuestions is not { Count: > 0 } questions)
        {
            return;
        }

        Heading(output, "Related questions");
        foreach (var question in questions)
        {
            output.WriteLine($"- {question}");
        }
    }

    private static void PrintCost(CompletionResponse response, TextWriter output)
    {
        Heading(output, "Cost");
        if (response.Usage is not { } usage)
        {
            output.WriteLine("(the API reported no usage)");
            return;
        }

        output.WriteLine(Invariant($"Tokens: {usage.PromptTokens} in, {usage.CompletionTokens} out, {usage.TotalTokens} total")
            + (usage.ReasoningTokens is { } reasoning ? Invariant($", {reasoning} reasoning") : string.Empty)
            + (usage.NumSearchQueries is { } searches ? Invariant($", {searches} searches") : string.Empty));
        if (usage.Cost is not { } cost)
        {
            output.WriteLine("Cost: not reported");
            return;
        }

        // Only the parts the API itemized: RequestCost, ReasoningTokensCost and the others are optional.
        var parts = new List<string> { Invariant($"input {Usd(cost.InputTokensCost)}"), Invariant($"output {Usd(cost.OutputTokensCost)}") };
        AddPart(parts, "reasoning", cost.ReasoningTokensCost);
        AddPart(parts, "citations", cost.CitationTokensCost);
        AddPart(parts, "searches", cost.SearchQueriesCost);
        AddPart(parts, "request", cost.RequestCost);
        output.WriteLine($"Cost: {Usd(cost.TotalCost)} ({string.Join(", ", parts)})");
    }

    private static void AddPart(List<string> parts, string name, decimal? amount)
    {
        if (amount is { } value)
        {
            parts.Add($"{name} {Usd(value)}");
        }
    }

    private static string Usd(decimal amount) => "$" + amount.ToString("0.0000##", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private static string Brief(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= ThoughtWidth ? line : string.Concat(line.AsSpan(0, ThoughtWidth - 3), "...");
    }

    private static void Heading(TextWriter output, string title)
    {
        output.WriteLine();
        output.WriteLine(title);
        output.WriteLine(new string('-', title.Length));
    }
}
