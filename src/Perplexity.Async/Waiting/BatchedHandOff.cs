using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Perplexity.Async.Waiting;

/// <summary>
/// Hands the items a producer makes (the events of a stream) to the consumer's <c>await foreach</c> in batches: the
/// producer adds items without waiting and flushes when it is about to wait itself (its next read is not ready), when a
/// batch is full, or when it ends. One hand-off per batch instead of one per item: each hand-off between the producer's
/// task and the consumer costs a thread-pool dispatch and a contended lock, which for a stream of thousands of events
/// read from a fast connection was most of the time the SDK added (docs/benchmarks.md, AgentStream).
/// </summary>
/// <remarks>
/// At most one full batch waits for the consumer while the producer fills the next, so a slow consumer holds the producer
/// back after <see cref="BatchSize"/> × 2 items: a stream is never buffered whole. Items keep their order. One producer,
/// one consumer.
/// </remarks>
/// <typeparam name="T">The item.</typeparam>
internal sealed class BatchedHandOff<T>
{
    /// <summary>The most items in one batch.</summary>
    public const int BatchSize = 64;

    private readonly Channel<T[]> _batches = Channel.CreateBounded<T[]>(new BoundedChannelOptions(1)
    {
        SingleReader = true,
        SingleWriter = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly List<T> _pending = new(BatchSize);

    /// <summary>The items added and not yet flushed.</summary>
    public int Pending => _pending.Count;

    /// <summary>Where the consumer reads the batches.</summary>
    public ChannelReader<T[]> Reader => _batches.Reader;

    /// <summary>Adds an item to the current batch; the consumer sees it at the next <see cref="FlushAsync"/>.</summary>
    /// <returns>True when the batch is full and is to be flushed now.</returns>
    public bool Add(T item)
    {
        _pending.Add(item);
        return _pending.Count >= BatchSize;
    }

    /// <summary>Hands the current batch (when there is one) to the consumer, waiting while the previous one is still unread.</summary>
    /// <exception cref="System.OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting.</exception>
    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return default;
        }

        var batch = _pending.ToArray();
        _pending.Clear();
        return _batches.Writer.WriteAsync(batch, cancellationToken);
    }

    /// <summary>No more items will come; the consumer ends after the batches already handed off.</summary>
    public void Complete() => _batches.Writer.TryComplete();
}
