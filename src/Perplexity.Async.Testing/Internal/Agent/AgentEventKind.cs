namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>The stream events of an Agent run; each maps to one <c>type</c> (see <see cref="AgentEventJson"/>).</summary>
internal enum AgentEventKind
{
    Created,
    InProgress,
    ReasoningStarted,
    SearchQueries,
    SearchResults,
    FetchQueries,
    FetchResults,
    ItemAdded,
    ItemDone,
    TextDelta,
    TextDone,
    ReasoningStopped,
    Completed,
    Incomplete,
    Failed,
    Cancelled,
}
