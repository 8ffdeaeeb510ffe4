using Perplexity.Async;

namespace Snippets;

/// <summary>Every snippet by name, and the runner behind the command line.</summary>
internal static class SnippetCatalog
{
    public static IReadOnlyList<Snippet> All { get; } =
    [
        new("get-by-id", "GetAsync: a job's current state, one request", NeedsJobId: true,
            (run, ct) => GetById.RunAsync(run.Client, run.RequiredJobId, run.Output, ct)),
        new("wait-with-progress", "WaitForCompletionAsync with IProgress: each status change until done", NeedsJobId: true,
            (run, ct) => WaitWithProgress.RunAsync(run.Client, run.RequiredJobId, run.Output, ct)),
        new("watch", "WatchAsync: the status changes as an async stream", NeedsJobId: true,
            (run, ct) => Watch.RunAsync(run.Client, run.RequiredJobId, run.Output, ct)),
        new("create-and-wait", "CreateAsync then WaitForCompletionAsync", NeedsJobId: false,
            (run, ct) => CreateAndWait.RunAsync(run.Client, run.Output, ct)),
        new("wait-for-many", "several jobs at once, waited for together", NeedsJobId: false,
            (run, ct) => WaitForMany.RunAsync(run.Client, run.Output, ct)),
        new("dependency-injection", "Host.CreateApplicationBuilder + AddPerplexityAsync, the emulator as primary handler without a key", NeedsJobId: false,
            (run, ct) => WithDependencyInjection.RunAsync(run.Backend, run.Output, ct)),
    ];

    public static Snippet? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Runs one snippet on <paramref name="backend"/>. A snippet that works on an existing job gets
    /// <paramref name="jobId"/>, or a quick job started for it when that is null.
    /// </summary>
    public static async Task RunAsync(Snippet snippet, SnippetBackend backend, string? jobId, TextWriter output, CancellationToken cancellationToken)
    {
        using var client = backend.CreateClient();
        if (snippet.NeedsJobId && jobId is null)
        {
            var request = new ChatCompletionRequest { Model = "sonar", Messages = [ChatRequestMessage.User("What is an async API?")] };
            jobId = (await client.Sonar.CreateAsync(request, cancellationToken)).Id;
            output.WriteLine($"(no job id given: started {jobId})");
        }

        await snippet.RunAsync(new SnippetRun(backend, client, output, jobId), cancellationToken);
    }
}
