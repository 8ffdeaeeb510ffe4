using System.Collections.Generic;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>An output item of a run, planned when the run is created.</summary>
internal sealed class RunOutputItem
{
    public RunOutputItem(AgentItemKind kind) => Kind = kind;

    public AgentItemKind Kind { get; }

    /// <summary>The queries of a search; empty otherwise.</summary>
    public IReadOnlyList<string> Queries { get; init; } = [];

    /// <summary>The results of a search (ids 1-based, unique in the run) or the pages of a fetch.</summary>
    public IReadOnlyList<AgentSource> Sources { get; init; } = [];

    /// <summary>The message's <c>msg_…</c> id; null for other items.</summary>
    public string? MessageId { get; init; }
}
