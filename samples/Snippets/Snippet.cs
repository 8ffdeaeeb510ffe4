namespace Snippets;

/// <summary>A named snippet: what it shows, and how to run it against a backend.</summary>
/// <param name="Name">The command-line name, for example <c>get-by-id</c>.</param>
/// <param name="Summary">One line on what it shows.</param>
/// <param name="NeedsJobId">Whether it works on an existing job (started for it when no id is given).</param>
/// <param name="RunAsync">Runs it.</param>
internal sealed record Snippet(string Name, string Summary, bool NeedsJobId, Func<SnippetRun, CancellationToken, Task> RunAsync);
