using System;

namespace Perplexity.Async;

/// <summary>What <c>AgentBatchWait</c> knows about one of the runs it waits for.</summary>
internal sealed class AgentBatchRun
{
    public AgentBatchRun(string id) => Id = id;

    public string Id { get; }

    /// <summary>The latest state a poll returned; null until one did.</summary>
    public AgentResponse? State { get; set; }

    /// <summary>A poll's answer in this round, not yet taken in.</summary>
    public AgentResponse? Fetched { get; set; }

    /// <summary>When its last poll was sent, on the client's clock; null before the first.</summary>
    public DateTimeOffset? LastPolledAt { get; set; }

    /// <summary>The status last reported (progress and the status-change log).</summary>
#pragma warning disable CA1051 // A mutable struct held by this internal class: a field, so it is updated in place.
    public Waiting.StatusTracker Status;
#pragma warning restore CA1051

    /// <summary>Terminal: completed, incomplete, failed or cancelled.</summary>
    public bool Finished { get; set; }
}
