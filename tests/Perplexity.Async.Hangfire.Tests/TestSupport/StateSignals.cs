using System.Threading;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;

namespace Perplexity.Async.Hangfire.Tests.TestSupport;

/// <summary>One state a job entered, as a server applied it.</summary>
internal sealed record JobStateEvent(string JobId, string State, string Method, Exception? Exception);

/// <summary>
/// A server-side filter that records every state a job enters and completes waiters on it, so tests await states
/// instead of sleeping. <see cref="Provider"/> is the filter provider a test server uses: this filter, an
/// <see cref="AutomaticRetryAttribute"/> that retries at once (Hangfire's own default waits 15 s and more), and the
/// jobs' own attributes.
/// </summary>
internal sealed class StateSignals : JobFilterAttribute, IApplyStateFilter
{
    private readonly object _gate = new();
    private readonly List<JobStateEvent> _events = new();
    private readonly List<(Func<JobStateEvent, bool> Match, TaskCompletionSource<JobStateEvent> Done)> _waiters = new();

    public StateSignals()
    {
        var filters = new JobFilterCollection
        {
            new AutomaticRetryAttribute { Attempts = 3, DelaysInSeconds = new[] { 0 } },
        };
        filters.Add(this);
        Provider = new JobFilterProviderCollection(filters, new JobFilterAttributeFilterProvider());
    }

    public IJobFilterProvider Provider { get; }

    public IReadOnlyList<JobStateEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return _events.ToList();
            }
        }
    }

    public Task<JobStateEvent> WaitAsync(Func<JobStateEvent, bool> match)
    {
        lock (_gate)
        {
            var seen = _events.FirstOrDefault(match);
            if (seen is not null)
            {
                return Task.FromResult(seen);
            }

            var done = new TaskCompletionSource<JobStateEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
            return done.Task;
        }
    }

    public Task<JobStateEvent> WaitForAsync(string jobId, string state) =>
        WaitAsync(e => e.JobId == jobId && e.State == state).Within($"job {jobId} to be {state}");

    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        var e = new JobStateEvent(
            context.BackgroundJob.Id,
            context.NewState.Name,
            context.BackgroundJob.Job?.Method.Name ?? "?",
            (context.NewState as FailedState)?.Exception);
        List<TaskCompletionSource<JobStateEvent>> ready;
        lock (_gate)
        {
            _events.Add(e);
            ready = _waiters.Where(w => w.Match(e)).Select(w => w.Done).ToList();
            _waiters.RemoveAll(w => ready.Contains(w.Done));
        }

        foreach (var done in ready)
        {
            done.TrySetResult(e);
        }
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}
