// Research with Perplexity.Async: ask a question as an Agent API run, watch it, print the answer, sources and cost.
//
//   dotnet run --project samples/DeepResearch -- "What are the most promising approaches to grid energy storage?"
//   dotnet run --project samples/DeepResearch -- --legacy "..."   (the retired async chat-completions route)
//
// With PERPLEXITY_API_KEY set it asks the Perplexity API (a medium-preset run takes about a minute and costs a few
// cents); without it, the built-in emulator answers offline in a few seconds.
using System.Text;
using DeepResearch;

if (args is ["-h" or "--help"])
{
    Console.WriteLine("usage: DeepResearch [--legacy] [question]   (PERPLEXITY_API_KEY set: the Perplexity API; unset: the offline emulator)");
    return ExitCodes.Success;
}

var legacy = args.Contains("--legacy");
var words = args.Where(a => a != "--legacy").ToArray();
var question = words.Length > 0 && !string.IsNullOrWhiteSpace(string.Join(' ', words))
    ? string.Join(' ', words)
    : DeepResearchApp.DefaultQuestion;

// Answers are Markdown and may hold any character.
Console.OutputEncoding = Encoding.UTF8;

// The first Ctrl+C cancels the run (or stops waiting for a legacy job) cleanly; a second one ends the process at once.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};

using var backend = Backend.FromEnvironment(TimeProvider.System);
var style = Console.IsOutputRedirected ? StatusStyle.Lines : StatusStyle.Spinner;
return await DeepResearchApp.RunAsync(
    backend.Client, Console.Out, Console.Error, TimeProvider.System, new ResearchOptions(question, backend.Description, style, legacy), cancel.Token);
