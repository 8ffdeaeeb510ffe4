using System;
using Perplexity.Async.Testing.Internal.Agent;

namespace Perplexity.Async.Testing;

/// <summary>
/// An Agent API run held by a <see cref="PerplexityEmulator"/>, as it was when read: what was asked, its planned
/// timeline and its status then. Get them from <see cref="PerplexityEmulator.AgentRuns"/> or
/// <see cref="PerplexityEmulator.AddAgentRun"/>.
/// </summary>
public sealed class EmulatedAgentRun
{
    private EmulatedAgentRun(AgentRun run, DateTimeOffset now)
    {
        var due = run.LastDueIndex(now);
        Id = run.Id;
        Prompt = run.Request.Prompt;
        Model = run.Request.DisplayModel;
        ResolvedModel = run.Request.ResolvedModel;
        Route = run.Route;
        RequestJson = run.Request.RequestJson;
        Background = run.Request.Background;
        Stream = run.Request.Stream;
        Store = run.Request.Store;
        Resumable = run.Resumable;
        CreatedAt = run.CreatedAt;
        StartsAt = run.StartsAt;
        FinishesAt = run.Terminal?.At;
        Status = run.StatusAt(due);
        EventCount = due + 1;
    }

    /// <summary>The run's id, <c>resp_…</c>.</summary>
    public string Id { get; }

    /// <summary>The text the answer is about: the string input, or the last user message's text.</summary>
    public string Prompt { get; }

    /// <summary>What <c>model</c> shows until the run completes: the preset name as sent, or the model asked for.</summary>
    public string Model { get; }

    /// <summary>The <c>provider/model</c> a completed or incomplete run reports.</summary>
    public string ResolvedModel { get; }

    /// <summary>The route it was created on (<c>v1/agent</c> or <c>v1/responses</c>); <see langword="null"/> for a run added in code.</summary>
    public string? Route { get; }

    /// <summary>The create body as sent; <see langword="null"/> for a run added in code.</summary>
    public string? RequestJson { get; }

    /// <summary>Whether it was created with <c>background: true</c>.</summary>
    public bool Background { get; }

    /// <summary>Whether it was created with <c>stream: true</c>.</summary>
    public bool Stream { get; }

    /// <summary>Whether GET can read it (<c>store</c> was not <see langword="false"/>).</summary>
    public bool Store { get; }

    /// <summary>Whether its stream can be resumed with <c>starting_after</c> (a background stream, or a run added in code).</summary>
    public bool Resumable { get; }

    /// <summary>When it was created, on the emulator's clock.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When it becomes (or became) <c>in_progress</c>.</summary>
    public DateTimeOffset StartsAt { get; }

    /// <summary>When it reaches (or reached) its terminal status; <see langword="null"/> while it is scripted never to finish.</summary>
    public DateTimeOffset? FinishesAt { get; }

    /// <summary>Its status when this snapshot was taken: <c>queued</c>, <c>in_progress</c>, <c>completed</c>, <c>incomplete</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    public string Status { get; }

    /// <summary>How many stream events it had emitted when this snapshot was taken; the last one's <c>sequence_number</c> is one less.</summary>
    public int EventCount { get; }

    /// <summary>Describes the run for test output.</summary>
    public override string ToString() => $"{Id} ({Model}, {Status}): {Prompt}";

    internal static EmulatedAgentRun From(AgentRun run, DateTimeOffset now) => new(run, now);
}
