using System.Collections.Concurrent;
using System.Threading;

namespace Perplexity.Async.Hangfire.Tests.TestSupport;

/// <summary>One call of a test handler.</summary>
internal sealed record HandledRun(AgentResponse Response, PerplexityRunContext Context, string Server);

/// <summary>Every handler call of a test, shared by all its servers; completes a signal when enough runs were handled.</summary>
internal sealed class HandledRuns
{
    private readonly ConcurrentQueue<HandledRun> _calls = new();
    private readonly object _gate = new();
    private readonly List<(int Count, TaskCompletionSource<bool> Done)> _waiters = new();
    private int _failuresLeft;

    public IReadOnlyList<HandledRun> Calls => _calls.ToList();

    /// <summary>The next <paramref name="count"/> calls throw (after being recorded).</summary>
    public void FailNext(int count) => Volatile.Write(ref _failuresLeft, count);

    public Task WhenCount(int count)
    {
        lock (_gate)
        {
            if (_calls.Count >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
            return done.Task.Within($"{count} handler calls (so far {_calls.Count})");
        }
    }

    public void Record(HandledRun run)
    {
        List<TaskCompletionSource<bool>> ready;
        lock (_gate)
        {
            _calls.Enqueue(run);
            ready = _waiters.Where(w => _calls.Count >= w.Count).Select(w => w.Done).ToList();
            _waiters.RemoveAll(w => ready.Contains(w.Done));
        }

        foreach (var done in ready)
        {
            done.TrySetResult(true);
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new InvalidOperationException("The test handler fails as told.");
        }
    }
}

/// <summary>The name of the server whose container resolved a handler.</summary>
internal sealed record ServerName(string Value);

/// <summary>The handler the tests start runs with: records each call and the server it ran on.</summary>
internal sealed class RecordingHandler : IPerplexityRunHandler
{
    private readonly HandledRuns _runs;
    private readonly ServerName _server;

    public RecordingHandler(HandledRuns runs, ServerName server)
    {
        _runs = runs;
        _server = server;
    }

    public Task HandleAsync(AgentResponse response, PerplexityRunContext context, CancellationToken cancellationToken)
    {
        _runs.Record(new HandledRun(response, context, _server.Value));
        return Task.CompletedTask;
    }
}
