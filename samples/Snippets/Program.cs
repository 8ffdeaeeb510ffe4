// Short Perplexity.Async snippets, each in its own file with one static method to copy from.
//
//   dotnet run --project samples/Snippets                           lists them
//   dotnet run --project samples/Snippets -- wait-with-progress     runs one (a job id may follow)
//   dotnet run --project samples/Snippets -- all                    runs them all
//
// With PERPLEXITY_API_KEY set they call the Perplexity API (and cost money); without it, the built-in emulator
// answers offline.
using Snippets;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !cancel.IsCancellationRequested; // a second Ctrl+C ends the process at once
    cancel.Cancel();
};

return await SnippetsApp.RunAsync(args, SnippetBackend.FromEnvironment(), Console.Out, Console.Error, cancel.Token);
