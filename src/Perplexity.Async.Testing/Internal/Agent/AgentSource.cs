namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>A search result (or a fetched page, whose <see cref="Snippet"/> is then the page text).</summary>
internal sealed record AgentSource(int Id, string Url, string Title, string Snippet, string? Date, string? LastUpdated);
