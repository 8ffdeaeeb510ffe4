using System;
using System.Collections.Generic;

namespace Perplexity.Async.Budget;

/// <summary>
/// The request budgets of the clients <c>AddPerplexityAsync</c> registers, one per client name: the clients are transient,
/// the budget is not, so every client of a name takes its permits from the same bucket, and clients of other names from
/// theirs. A singleton of the container, which disposes the budgets with it.
/// </summary>
internal sealed class RequestBudgetRegistry : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, RequestBudget> _budgets = new(StringComparer.Ordinal);

    /// <summary>
    /// The budget of the clients named <paramref name="name"/>; null when their options set none. When the options of the
    /// name change (a reloaded configuration), clients created afterwards get a new budget with the new settings.
    /// </summary>
    public RequestBudget? Get(string name, RequestBudgetSettings? settings, TimeProvider timeProvider)
    {
        if (settings is null)
        {
            return null;
        }

        lock (_gate)
        {
            if (_budgets.TryGetValue(name, out var budget) && budget.Settings == settings && ReferenceEquals(budget.TimeProvider, timeProvider))
            {
                return budget;
            }

            // The old budget stays with the clients that hold it; it holds no timer, so nothing leaks when they go.
            budget = new RequestBudget(settings, timeProvider);
            _budgets[name] = budget;
            return budget;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var budget in _budgets.Values)
            {
                budget.Dispose();
            }

            _budgets.Clear();
        }
    }
}
