using System;
using Perplexity.Async.Testing.Internal;
using Perplexity.Async.Testing.Internal.Agent;

namespace Perplexity.Async.Testing;

/// <summary>
/// Decides how jobs end: with a given response, a failure, or never; and how long they take. A job follows the
/// first of these that applies: its own script (<see cref="ForJob"/>), the most recently added matching prompt
/// script (<see cref="ForPrompt(string)"/>), the script for any job (<see cref="ForAnyJob"/>), and otherwise the
/// emulator's durations and a generated deep-research answer. Agent runs are scripted the same way through
/// <see cref="ForAgentRun"/>, <see cref="ForAgentPrompt(string)"/> and <see cref="ForAnyAgentRun"/>, apart from legacy
/// jobs. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// emulator.Script.ForPrompt("What is the boiling point of water?")
///     .CompleteWith(PerplexityModelFactory.CompletionResponse(text: "100 °C at sea level."));
/// emulator.Script.ForPrompt(p => p.Contains("outage")).FailWith("upstream model unavailable");
/// emulator.Script.ForPrompt("stuck").NeverFinish();
/// emulator.Script.ForJob(job.Id).RunningFor(TimeSpan.FromMinutes(10));
/// emulator.Script.ForAgentPrompt(p => p.Contains("outage")).Fail("upstream model unavailable", type: "bad_gateway");
/// emulator.Script.ForAgentPrompt("long essay").EndIncomplete().RunningFor(TimeSpan.FromSeconds(20));
/// </code>
/// </example>
public sealed class EmulatorScript
{
    private readonly JobStore _store;
    private readonly AgentRunStore _agentStore;

    internal EmulatorScript(JobStore store, AgentRunStore agentStore)
    {
        _store = store;
        _agentStore = agentStore;
    }

    /// <summary>
    /// Scripts jobs whose last user message equals <paramref name="prompt"/> (ordinal, ignoring leading and
    /// trailing whitespace). It applies to jobs created from now on; a later matching script wins.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="prompt"/> is null.</exception>
    public JobScriptBuilder ForPrompt(string prompt)
    {
        if (prompt is null)
        {
            throw new ArgumentNullException(nameof(prompt));
        }

        var expected = prompt.Trim();
        return ForPrompt(p => string.Equals(p.Trim(), expected, StringComparison.Ordinal));
    }

    /// <summary>
    /// Scripts jobs whose last user message satisfies <paramref name="predicate"/>. It applies to jobs created from
    /// now on; a later matching script wins.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is null.</exception>
    public JobScriptBuilder ForPrompt(Func<string, bool> predicate)
    {
        if (predicate is null)
        {
            throw new ArgumentNullException(nameof(predicate));
        }

        var rule = _store.AddPromptRule(predicate);
        return new JobScriptBuilder(update => _store.UpdatePromptRule(rule, update));
    }

    /// <summary>
    /// Scripts one job by id. A live job is re-planned from now on (what it has already done stays true); an id
    /// not seen yet is scripted for when a job with that id is added with <see cref="PerplexityEmulator.AddJob"/>.
    /// The builder's methods throw <see cref="InvalidOperationException"/> if the job has already finished.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or whitespace.</exception>
    public JobScriptBuilder ForJob(string id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("A job id is required.", nameof(id));
        }

        return new JobScriptBuilder(update => _store.UpdateJobScript(id, update));
    }

    /// <summary>Scripts every job that no job or prompt script covers, created from now on.</summary>
    public JobScriptBuilder ForAnyJob() => new(update => _store.UpdateAnyJobScript(update));

    /// <summary>
    /// Scripts Agent runs whose prompt (the string input, or the last user message's text) equals
    /// <paramref name="prompt"/> (ordinal, ignoring leading and trailing whitespace). It applies to runs created from
    /// now on; a later matching script wins.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="prompt"/> is null.</exception>
    public AgentRunScriptBuilder ForAgentPrompt(string prompt)
    {
        if (prompt is null)
        {
            throw new ArgumentNullException(nameof(prompt));
        }

        var expected = prompt.Trim();
        return ForAgentPrompt(p => string.Equals(p.Trim(), expected, StringComparison.Ordinal));
    }

    /// <summary>
    /// Scripts Agent runs whose prompt satisfies <paramref name="predicate"/>. It applies to runs created from now on;
    /// a later matching script wins.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is null.</exception>
    public AgentRunScriptBuilder ForAgentPrompt(Func<string, bool> predicate)
    {
        if (predicate is null)
        {
            throw new ArgumentNullException(nameof(predicate));
        }

        var rule = _agentStore.AddPromptRule(predicate);
        return new AgentRunScriptBuilder(update => _agentStore.UpdatePromptRule(rule, update));
    }

    /// <summary>
    /// Scripts the Agent run that <see cref="PerplexityEmulator.AddAgentRun"/> will add with <paramref name="id"/>.
    /// A run's timeline is planned when it is created, so the builder's methods throw
    /// <see cref="InvalidOperationException"/> once a run with that id exists.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or whitespace.</exception>
    public AgentRunScriptBuilder ForAgentRun(string id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("An Agent run id is required.", nameof(id));
        }

        return new AgentRunScriptBuilder(update => _agentStore.UpdateRunScript(id, update));
    }

    /// <summary>Scripts every Agent run that no run or prompt script covers, created from now on.</summary>
    public AgentRunScriptBuilder ForAnyAgentRun() => new(update => _agentStore.UpdateAnyRunScript(update));
}
