using System;
using System.Collections.Generic;
using System.Text;

namespace Perplexity.Async;

/// <summary>
/// Some of the jobs <c>WaitForAllAsync</c> waited for ended with status <c>FAILED</c>. The wait went on until every
/// job had finished, so <see cref="Results"/> holds every job's final envelope (in the order of the ids given), the
/// completed ones with their responses; <see cref="FailedJobs"/> is the failed subset. Waiting again will not help a
/// failed job: create a new one.
/// </summary>
public sealed class PerplexityJobsFailedException : PerplexityException
{
    /// <summary>The most failures the message describes one by one; the rest are counted.</summary>
    private const int MaxDescribed = 5;

    /// <summary>Creates the exception from every job's final envelope, with a message naming the failed ones.</summary>
    /// <param name="results">Every job's final state, in the order the ids were given; the failed ones are those with status <c>FAILED</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="results"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">No item of <paramref name="results"/> has status <c>FAILED</c>.</exception>
    public PerplexityJobsFailedException(IReadOnlyList<AsyncApiChatCompletionsResponse> results)
        : this(Describe(FailedOf(results), results), results)
    {
    }

    /// <summary>Creates the exception with a message of your own.</summary>
    /// <param name="message">The message.</param>
    /// <param name="results">Every job's final state, in the order the ids were given.</param>
    /// <param name="innerException">The cause, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="results"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">No item of <paramref name="results"/> has status <c>FAILED</c>.</exception>
    public PerplexityJobsFailedException(string message, IReadOnlyList<AsyncApiChatCompletionsResponse> results, Exception? innerException = null)
        : base(message, innerException)
    {
        FailedJobs = FailedOf(results);
        Results = results;
    }

    /// <summary>Every job's final state, in the order the ids were given (a repeated id repeats its envelope).</summary>
    public IReadOnlyList<AsyncApiChatCompletionsResponse> Results { get; }

    /// <summary>The jobs that ended with status <c>FAILED</c>, each once, in the order of <see cref="Results"/>.</summary>
    public IReadOnlyList<AsyncApiChatCompletionsResponse> FailedJobs { get; }

    /// <summary>The message the public constructor builds, for the SDK to redact before it uses it.</summary>
    internal static string Describe(IReadOnlyList<AsyncApiChatCompletionsResponse> results) => Describe(FailedOf(results), results);

    private static List<AsyncApiChatCompletionsResponse> FailedOf(IReadOnlyList<AsyncApiChatCompletionsResponse> results)
    {
        if (results is null)
        {
            throw new ArgumentNullException(nameof(results));
        }

        var failed = new List<AsyncApiChatCompletionsResponse>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < results.Count; i++)
        {
            var envelope = results[i] ?? throw new ArgumentNullException(nameof(results), $"results[{i}] is null.");
            if (envelope.Status == AsyncProcessingStatus.Failed && seen.Add(envelope.Id))
            {
                failed.Add(envelope);
            }
        }

        return failed.Count > 0
            ? failed
            : throw new ArgumentException("None of the results has status FAILED.", nameof(results));
    }

    private static string Describe(List<AsyncApiChatCompletionsResponse> failed, IReadOnlyList<AsyncApiChatCompletionsResponse> results)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < results.Count; i++)
        {
            ids.Add(results[i].Id);
        }

        var total = ids.Count;
        var text = new StringBuilder();
        text.Append(failed.Count).Append(" of ").Append(total).Append(total == 1 ? " job failed: " : " jobs failed: ");
        for (var i = 0; i < failed.Count && i < MaxDescribed; i++)
        {
            var why = string.IsNullOrWhiteSpace(failed[i].ErrorMessage) ? "the API gave no reason" : failed[i].ErrorMessage;
            text.Append(i == 0 ? string.Empty : "; ").Append('\'').Append(failed[i].Id).Append("': ").Append(why);
        }

        if (failed.Count > MaxDescribed)
        {
            text.Append("; and ").Append(failed.Count - MaxDescribed).Append(" more");
        }

        return text.Append(". Results holds every job's final envelope.").ToString();
    }
}
