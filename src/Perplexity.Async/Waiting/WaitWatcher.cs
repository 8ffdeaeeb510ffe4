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
    /// Yields what <paramref name="run"/> adds to its <see cref="BatchedHandOff{T}"/>, in order, as it flushes it: the
    /// producer waits for the consumer once a batch is unread (a stream of thousands of events is never buffered whole).
    /// What is still pending when the run ends is flushed then. The run's exception, if it ended with one, is thrown after
    /// the items added before it; a consumer that stops early stops the run.
    /// </summary>
    public static async IAsyncEnumerable<T> StreamAsync<T>(
        Func<BatchedHandOff<T>, CancellationToken, Task> run, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in StreamBatchesAsync(run, cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in batch)
            {
                yield return item;
            }
        }
    }

    /// <summary>
    /// <see cref="StreamAsync{T}"/> a batch at a time: the items that travel together (those the run had ready at once,
    /// up to <see cref="BatchedHandOff{T}.BatchSize"/>), for a consumer that does per-batch work once, not per item.
    /// Each batch is a new array the consumer may keep.
    /// </summary>
    public static async IAsyncEnumerable<T[]> StreamBatchesAsync<T>(
        Func<BatchedHandOff<T>, CancellationToken, Task> run, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var handOff = new BatchedHandOff<T>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var task = RunThenFlushAsync(run, handOff, stop.Token);
        try
        {
            while (await handOff.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (handOff.Reader.TryRead(out var batch))
                {
                    yield return batch;
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

    private static async Task RunThenFlushAsync<T>(Func<BatchedHandOff<T>, CancellationToken, Task> run, BatchedHandOff<T> handOff, CancellationToken cancellationToken)
    {
        try
        {
            await run(handOff, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                // What the run added before it ended (with its terminal item, or with an exception) reaches the consumer
                // first; a consumer that stopped has cancelled the token, and then nothing is delivered.
                await handOff.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                handOff.Complete();
            }
        }
    }
}
