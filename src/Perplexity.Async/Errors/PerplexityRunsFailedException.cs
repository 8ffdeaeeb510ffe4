using System;
using System.Collections.Generic;
using System.Text;

namespace Perplexity.Async;

/// <summary>
/// Some of the Agent runs <c>client.Agent.WaitForAllAsync</c> waited for ended <c>failed</c> or <c>cancelled</c>. The wait
/// went on until every run had finished, so <see cref="Results"/> holds every run's final state (in the order of the ids
/// given), the completed and incomplete ones with their output; <see cref="FailedRuns"/> is the failed and cancelled
/// subset, and <see cref="PerplexityException.JobIds"/> every id. Waiting again will not help a failed run: create a new one.
/// </summary>
public sealed class PerplexityRunsFailedException : PerplexityException
{
    /// <summary>The most failures the message describes one by one; the rest are counted.</summary>
    private const int MaxDescribed = 5;

    /// <summary>Creates the exception from every run's final state, with a message naming the failed ones.</summary>
    /// <param name="results">Every run's final state, in the order the ids were given.</param>
    /// <exception cref="ArgumentNullException"><paramref name="results"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">No item of <paramref name="results"/> is failed or cancelled.</exception>
    public PerplexityRunsFailedException(IReadOnlyList<AgentResponse> results)
        : this(Describe(results), results)
    {
    }

    /// <summary>Creates the exception with a message of your own.</summary>
    /// <param name="message">The message.</param>
    /// <param name="results">Every run's final state, in the order the ids were given.</param>
    /// <param name="innerException">The cause, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="results"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">No item of <paramref name="results"/> is failed or cancelled.</exception>
    public PerplexityRunsFailedException(string message, IReadOnlyList<AgentResponse> results, Exception? innerException = null)
        : base(message, innerException)
    {
        FailedRuns = FailedOf(results);
        Results = results;
        var ids = new string[results.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = results[i].Id;
        }

        JobIds = ids;
    }

    /// <summary>Every run's final state, exactly as the API returned it, in the order the ids were given (a repeated id repeats it).</summary>
    public IReadOnlyList<AgentResponse> Results { get; }

    /// <summary>The runs that ended <c>failed</c> or <c>cancelled</c>, each once, in the order of <see cref="Results"/>.</summary>
    public IReadOnlyList<AgentResponse> FailedRuns { get; }

    /// <summary>The message the public constructor builds, for the SDK to redact before it uses it.</summary>
    internal static string Describe(IReadOnlyList<AgentResponse> results)
    {
        var failed = FailedOf(results);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < results.Count; i++)
        {
            ids.Add(results[i].Id);
        }

        var text = new StringBuilder();
        text.Append(failed.Count).Append(" of ").Append(ids.Count).Append(ids.Count == 1 ? " run did not complete: " : " runs did not complete: ");
        for (var i = 0; i < failed.Count && i < MaxDescribed; i++)
        {
            var run = failed[i];
            text.Append(i == 0 ? string.Empty : "; ").Append('\'').Append(run.Id).Append("' ")
                .Append(run.Status == AgentResponseStatus.Cancelled ? "was cancelled" : "ended " + run.Status.Value);
            if (!string.IsNullOrWhiteSpace(run.Error?.Message))
            {
                text.Append(": ").Append(run.Error!.Message);
            }
        }

        if (failed.Count > MaxDescribed)
        {
            text.Append("; and ").Append(failed.Count - MaxDescribed).Append(" more");
        }

        return text.Append(". Results holds every run's final state.").ToString();
    }

    private static List<AgentResponse> FailedOf(IReadOnlyList<AgentResponse> results)
    {
        if (results is null)
        {
            throw new ArgumentNullException(nameof(results));
        }

        var failed = new List<AgentResponse>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < results.Count; i++)
        {
            var run = results[i] ?? throw new ArgumentNullException(nameof(results), $"results[{i}] is null.");
            if (AgentJobKind.Instance.IsFailure(run) && seen.Add(run.Id))
            {
                failed.Add(run);
            }
        }

        return failed.Count > 0
            ? failed
            : throw new ArgumentException("None of the results is failed or cancelled.", nameof(results));
    }
}
