using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>
/// An Agent run inside the store. Its state is never stored: it is the prefix of its planned timeline whose time has
/// come, so no timers run. A cancel rewrites the tail of the timeline. Only touched under the store's lock.
/// </summary>
internal sealed class AgentRun
{
    private readonly List<AgentTimelineEvent> _timeline;
    private TaskCompletionSource<bool> _changed = NewSignal();

    public AgentRun(string id, ParsedAgentRequest request, string? route, DateTimeOffset createdAt, AgentScript script, AgentRunContent content,
        List<AgentTimelineEvent> timeline, bool resumable)
    {
        Id = id;
        Request = request;
        Route = route;
        CreatedAt = createdAt;
        Script = script;
        Content = content;
        _timeline = timeline;
        Resumable = resumable;
    }

    public string Id { get; }

    public ParsedAgentRequest Request { get; }

    public string? Route { get; }

    public DateTimeOffset CreatedAt { get; }

    public AgentScript Script { get; }

    public AgentRunContent Content { get; }

    /// <summary>Created with <c>background</c> and <c>stream</c>: its events can be replayed with <c>starting_after</c>.</summary>
    public bool Resumable { get; }

    /// <summary>Set by <see cref="PerplexityEmulator.ExpireAgentReplay"/>: the replay window has closed.</summary>
    public bool ReplayExpired { get; set; }

    public IReadOnlyList<AgentTimelineEvent> Timeline => _timeline;

    /// <summary>Completes (outside the lock, see <see cref="TakeChangedSignal"/>) when the timeline is rewritten.</summary>
    public Task Changed => _changed.Task;

    public AgentTimelineEvent? Terminal => _timeline.Count > 0 && _timeline[_timeline.Count - 1].IsTerminal ? _timeline[_timeline.Count - 1] : null;

    public DateTimeOffset StartsAt => _timeline.Find(e => e.Kind == AgentEventKind.InProgress)?.At ?? CreatedAt;

    /// <summary>The index of the last event whose time has come (the created event's time always has).</summary>
    public int LastDueIndex(DateTimeOffset now)
    {
        var index = 0;
        while (index + 1 < _timeline.Count && _timeline[index + 1].At <= now)
        {
            index++;
        }

        return index;
    }

    /// <summary>The status after the events up to <paramref name="upto"/>.</summary>
    public string StatusAt(int upto)
    {
        for (var i = upto; i >= 0; i--)
        {
            switch (_timeline[i].Kind)
            {
                case AgentEventKind.InProgress: return "in_progress";
                case AgentEventKind.Completed: return "completed";
                case AgentEventKind.Incomplete: return "incomplete";
                case AgentEventKind.Failed: return "failed";
                case AgentEventKind.Cancelled: return "cancelled";
            }
        }

        return "queued";
    }

    public bool IsTerminalAt(DateTimeOffset now) => Terminal is { } terminal && terminal.At <= now;

    /// <summary>The items finished by event <paramref name="upto"/>, in output order; the message only once the run has ended.</summary>
    public IEnumerable<int> FinishedItems(int upto)
    {
        var ended = _timeline[upto].IsTerminal;
        for (var i = 0; i <= upto; i++)
        {
            var e = _timeline[i];
            if (e.Kind == AgentEventKind.ItemDone && (ended || e.Item != Content.MessageIndex))
            {
                yield return e.Item;
            }
        }
    }

    /// <summary>
    /// Cancels the run <paramref name="delay"/> from <paramref name="now"/>: the events after then are dropped and a
    /// <c>cancelled</c> terminal takes their place, unless the run ends by then anyway.
    /// </summary>
    /// <returns>False when the run has already ended; true when the cancel is acknowledged.</returns>
    public bool TryCancel(DateTimeOffset now, TimeSpan delay)
    {
        if (IsTerminalAt(now))
        {
            return false;
        }

        var cancelAt = now + delay;
        if (Terminal is { } terminal && terminal.At <= cancelAt)
        {
            return true;
        }

        _timeline.RemoveAll(e => e.At > cancelAt);
        _timeline.Add(new AgentTimelineEvent(cancelAt, AgentEventKind.Cancelled));
        return true;
    }

    /// <summary>Swaps in a new change signal and returns the old one, to be completed once the lock is released.</summary>
    public TaskCompletionSource<bool> TakeChangedSignal()
    {
        var old = _changed;
        _changed = NewSignal();
        return old;
    }

    public bool ReplayAvailable(DateTimeOffset now, TimeSpan window) =>
        !ReplayExpired && (Terminal is not { } terminal || now < terminal.At + (Script.ReplayWindow ?? window));

    private static TaskCompletionSource<bool> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
