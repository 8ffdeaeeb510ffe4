using System.Collections.Generic;
using System.Globalization;
using Perplexity.Async.Errors;

namespace Perplexity.Async.Budget;

/// <summary>The checks of <see cref="RequestBudgetOptions"/>, called by <see cref="PerplexityAsyncClientOptionsValidator"/>.</summary>
internal static class RequestBudgetRules
{
    private const string Prefix = nameof(PerplexityAsyncClientOptions.RequestBudget) + ".";

    /// <summary>Adds one message per invalid setting, each naming it as <c>RequestBudget.Setting</c>.</summary>
    public static void Collect(RequestBudgetOptions? options, ICollection<string> failures)
    {
        if (options is null)
        {
            return;
        }

        var rate = options.RequestsPerSecond;
        if (double.IsNaN(rate) || rate < RequestBudgetDefaults.MinRequestsPerSecond || rate > RequestBudgetDefaults.MaxRequestsPerSecond)
        {
            failures.Add(string.Format(
                CultureInfo.InvariantCulture,
                "{0}{1} must be between {2} and {3}; it is {4}.",
                Prefix,
                nameof(RequestBudgetOptions.RequestsPerSecond),
                RequestBudgetDefaults.MinRequestsPerSecond,
                RequestBudgetDefaults.MaxRequestsPerSecond,
                rate));
        }

        if (options.Burst < 1 || options.Burst > RequestBudgetDefaults.MaxBurst)
        {
            failures.Add(string.Format(
                CultureInfo.InvariantCulture,
                "{0}{1} must be between 1 and {2}; it is {3}.",
                Prefix,
                nameof(RequestBudgetOptions.Burst),
                RequestBudgetDefaults.MaxBurst,
                options.Burst));
        }

        if (options.QueueLimit < 0 || options.QueueLimit > RequestBudgetDefaults.MaxQueueLimit)
        {
            failures.Add(string.Format(
                CultureInfo.InvariantCulture,
                "{0}{1} must be between 0 (never wait) and {2}; it is {3}.",
                Prefix,
                nameof(RequestBudgetOptions.QueueLimit),
                RequestBudgetDefaults.MaxQueueLimit,
                options.QueueLimit));
        }

        if (options.MaxQueueTime < System.TimeSpan.Zero || options.MaxQueueTime > RequestBudgetDefaults.MaxMaxQueueTime)
        {
            failures.Add(string.Format(
                CultureInfo.InvariantCulture,
                "{0}{1} must be between zero (never wait) and {2}; it is {3}.",
                Prefix,
                nameof(RequestBudgetOptions.MaxQueueTime),
                DurationText.Of(RequestBudgetDefaults.MaxMaxQueueTime),
                options.MaxQueueTime));
        }
    }
}
