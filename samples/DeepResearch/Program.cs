// Deep research with Perplexity.Async: ask a question, start an async job, watch it, print the result.
//
//   dotnet run --project samples/DeepResearch -- "your question"
//
// With PERPLEXITY_API_KEY set it asks the Perplexity API (a deep-research job takes minutes and costs money);
// without it, the built-in emulator answers offline in a few seconds.
using System.Text;
using DeepResearch;

if (args is ["-h" or "--help"])
{
    Console.WriteLine("usage: DeepResearch [question]   (PERPLEXITY_API_KEY set: the Perplexity API; unset: the offline emulator)");
    return ExitCodes.Success;
}

var question = args.Length > 0 && !string.IsNullOrWhiteSpace(string.Join(' ', args))
    ? string.Join(' ', args)
    : DeepResearchApp.DefaultQuestion;

// Answers are Markdown and may hold any character.
Console.OutputEncoding = Encoding.UTF8;

// The first Ctrl+C stops waiting cleanly; a second one ends the process at once.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};

using var backend = Backend.FromEnvironment(TimeProvider.System);
var style = Console.IsOutputRedirected ? StatusStyle.Lines : StatusStyle.Spinner;
return await DeepResearchApp.RunAsync(
    backend.Client, Console.Out, Console.Error, TimeProvider.System, new ResearchOptions(question, backend.Description, style), cancel.Token);
