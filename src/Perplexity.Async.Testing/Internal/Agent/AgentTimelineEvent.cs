using System;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>
/// One event of a run's timeline: when it happens, what it is, and which output item (index into the run's items)
/// and text chunk it is about (-1 when none). Its <c>sequence_number</c> is its index in the timeline.
/// </summary>
internal sealed record AgentTimelineEvent(DateTimeOffset At, AgentEventKind Kind, int Item = -1, int Chunk = -1)
{
    public bool IsTerminal => Kind is AgentEventKind.Completed or AgentEventKind.Incomplete or AgentEventKind.Failed or AgentEventKind.Cancelled;
}
