using Perplexity.Async;

namespace Snippets;

/// <summary>What a snippet gets: the backend, a client for it, where to write, and the job id to work on.</summary>
internal sealed record SnippetRun(SnippetBackend Backend, PerplexityAsyncClient Client, TextWriter Output, string? JobId)
{
    /// <summary>The job id; only snippets with <see cref="Snippet.NeedsJobId"/> get one.</summary>
    public string RequiredJobId => JobId ?? throw new InvalidOperationException("This snippet needs a job id.");
}
