using System;
using Perplexity.Async.Testing.Internal;

namespace Perplexity.Async.Testing;

/// <summary>
/// Decides how jobs end: with a given response, a failure, or never; and how long they take. A job follows the
/// first of these that applies: its own script (<see cref="ForJob"/>), the most recently added matching prompt
/// script (<see cref="ForPrompt(string)"/>), the script for any job (<see cref="ForAnyJob"/>), and otherwise the
/// emulator's durations and a generated deep-research answer. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// emulator.Script.ForPrompt("What is the boiling point of water?")
///     .CompleteWith(PerplexityModelFactory.CompletionResponse(text: "100 °C at sea level."));
/// emulator.Script.ForPrompt(p => p.Contains("outage")).FailWith("upstream model unavailable");
/// emulator.Script.ForPrompt("stuck").NeverFinish();
/// emulator.Script.ForJob(job.Id).RunningFor(TimeSpan.FromMinutes(10));
/// </code>
/// </example>
public sealed class EmulatorScript
{
    private readonly JobStore _store;

    internal EmulatorScript(JobStore store) => _store = store;

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
}
