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

    /// <summary>The message's <c>msg_…</c> id, or the function call's <c>fc_…</c> id; null for other items.</summary>
    public string? MessageId { get; init; }

    /// <summary>The function call's <c>call_id</c>; null for other items.</summary>
    public string? CallId { get; init; }

    /// <summary>The called function's name; null for other items.</summary>
    public string? FunctionName { get; init; }

    /// <summary>The function call's arguments, as the JSON text the API sends; null for other items.</summary>
    public string? Arguments { get; init; }
}
