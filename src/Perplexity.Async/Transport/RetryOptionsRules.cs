using System;
using System.Collections.Generic;
using System.Threading;
using Perplexity.Async.Errors;

namespace Perplexity.Async.Transport;

/// <summary>The checks of the retry and timeout settings, called by <see cref="PerplexityAsyncClientOptionsValidator"/>.</summary>
internal static class RetryOptionsRules
{
    public static void Collect(PerplexityAsyncClientOptions options, ICollection<string> failures)
    {
        if (options.MaxRetries < 0)
        {
            failures.Add($"{nameof(options.MaxRetries)} must be 0 (no retries) or more; it is {options.MaxRetries}.");
        }

        var attempt = CheckTimeout(nameof(options.AttemptTimeout), options.AttemptTimeout, failures);
        var request = CheckTimeout(nameof(options.RequestTimeout), options.RequestTimeout, failures);
        if (attempt is { } a && request is { } r && a >= r)
        {
            failures.Add($"{nameof(options.AttemptTimeout)} ({a}) must be shorter than {nameof(options.RequestTimeout)} ({r}), which bounds every attempt and retry.");
        }
    }

    // Returns the limit when it is a valid finite one, so the cross-check only compares valid values.
    private static TimeSpan? CheckTimeout(string name, TimeSpan? value, ICollection<string> failures)
    {
        if (value is not { } limit || limit == Timeout.InfiniteTimeSpan)
        {
            return null;
        }

        if (limit < RetryDefaults.MinTimeout || limit > RetryDefaults.MaxTimeout)
        {
            failures.Add($"{name} must be between {DurationText.Of(RetryDefaults.MinTimeout)} and {DurationText.Of(RetryDefaults.MaxTimeout)}, or null (or Timeout.InfiniteTimeSpan) for no limit; it is {limit}.");
            return null;
        }

        return limit;
    }
}
