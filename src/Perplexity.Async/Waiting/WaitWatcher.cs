using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Perplexity.Async.Waiting;

/// <summary>
/// Turns a wait into a sequence of its status changes (the <c>WatchAsync</c> of every kind of job): the wait runs as
/// one engine execution, so it cannot yield; it hands each change to the consumer through a channel instead.
/// </summary>
internal static class WaitWatcher
{
    /// <summary>
    /// Yields what <paramref name="runWait"/> reports to its callback, ending when the wait ends; the wait's exception,
    /// if it ended with one, is thrown after the items reported before it. A consumer that stops early stops the wait.
    /// </summary>
    public static async IAsyncEnumerable<TState> WatchAsync<TState>(
        Func<Action<TState>, CancellationToken, Task> runWait, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A handful of items at most (one per status change), so unbounded is fine.
        var changes = Channel.CreateUnbounded<TState>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = RunThenCompleteAsync(runWait, changes.Writer, stop.Token);
        try
        {
            while (await changes.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (changes.Reader.TryRead(out var state))
                {
                    yield return state;
                }
            }

            // Surfaces why the wait stopped when it was not a terminal state.
            await run.ConfigureAwait(false);
        }
        finally
        {
            if (!run.IsCompleted)
            {
                // The consumer stopped early: stop the wait, and do not leave it running behind it.
                stop.Cancel();
                await Task.WhenAny(run).ConfigureAwait(false);
            }

            _ = run.Exception;
        }
    }

    private static async Task RunThenCompleteAsync<TState>(
        Func<Action<TState>, CancellationToken, Task> runWait, ChannelWriter<TState> writer, CancellationToken cancellationToken)
    {
        try
        {
            await runWait(state => writer.TryWrite(state), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            writer.TryComplete();
        }
    }

    /// <summary>
    /// Yields what <paramref name="run"/> writes, in order, through a channel of one item: the writer waits for the
    /// consumer (a stream of thousands of events is never buffered whole). The run's exception, if it ended with one,
    /// is thrown after the items written before it; a consumer that stops early stops the run.
    /// </summary>
    public static async IAsyncEnumerable<T> StreamAsync<T>(
        Func<ChannelWriter<T>, CancellationToken, Task> run, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var items = Channel.CreateBounded<T>(new BoundedChannelOptions(1)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,

            // The hand-off is a coroutine switch, not a thread-pool hop per item: a write wakes the waiting reader on
            // the writer's stack, and a read that frees the slot resumes the waiting writer on the reader's. Each side
            // runs under its own execution context (its async state machine restores it), and neither holds a lock
            // or a token registration while the other runs, so nothing can re-enter. Without it, a stream of thousands
            // of events paid two thread-pool dispatches per event (docs/benchmarks.md, AgentStream).
            AllowSynchronousContinuations = true,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var task = WriteThenCompleteAsync(run, items.Writer, stop.Token);
        try
        {
            while (await items.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (items.Reader.TryRead(out var item))
                {
                    yield return item;
                }
            }

            await task.ConfigureAwait(false);
        }
        finally
        {
            if (!task.IsCompleted)
            {
                stop.Cancel();
                await Task.WhenAny(task).ConfigureAwait(false);
            }

            _ = task.Exception;
        }
    }

    private static async Task WriteThenCompleteAsync<T>(Func<ChannelWriter<T>, CancellationToken, Task> run, ChannelWriter<T> writer, CancellationToken cancellationToken)
    {
        try
        {
            await run(writer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            writer.TryComplete();
        }
    }
}
