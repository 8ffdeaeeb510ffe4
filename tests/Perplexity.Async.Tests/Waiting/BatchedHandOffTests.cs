using System.Threading;
using Perplexity.Async.Waiting;

namespace Perplexity.Async.Tests.Waiting;

public sealed class BatchedHandOffTests
{
    [Fact]
    public void Add_UpToBatchSize_SaysTheBatchIsFullOnlyAtTheLastItem()
    {
        var handOff = new BatchedHandOff<int>();

        var full = Enumerable.Range(0, BatchedHandOff<int>.BatchSize).Select(handOff.Add).ToList();

        full.Take(BatchedHandOff<int>.BatchSize - 1).ShouldAllBe(f => !f);
        full[^1].ShouldBeTrue();
        handOff.Pending.ShouldBe(BatchedHandOff<int>.BatchSize);
    }

    [Fact]
    public async Task FlushAsync_NothingPending_HandsNothingOver()
    {
        var handOff = new BatchedHandOff<int>();

        await handOff.FlushAsync(CancellationToken.None);

        handOff.Reader.TryRead(out _).ShouldBeFalse();
    }

    [Fact]
    public async Task FlushAsync_Batches_ReachTheReaderInOrder()
    {
        var handOff = new BatchedHandOff<int>();
        handOff.Add(1);
        handOff.Add(2);
        await handOff.FlushAsync(CancellationToken.None);
        handOff.Reader.TryRead(out var first).ShouldBeTrue();
        handOff.Add(3);
        await handOff.FlushAsync(CancellationToken.None);
        handOff.Complete();

        handOff.Reader.TryRead(out var second).ShouldBeTrue();
        first.ShouldBe([1, 2]);
        second.ShouldBe([3]);
        handOff.Pending.ShouldBe(0);
        (await handOff.Reader.WaitToReadAsync()).ShouldBeFalse("completed after the last batch");
    }

    [Fact]
    public async Task FlushAsync_PreviousBatchUnread_WaitsUntilTheReaderTakesIt()
    {
        var handOff = new BatchedHandOff<int>();
        handOff.Add(1);
        await handOff.FlushAsync(CancellationToken.None);
        handOff.Add(2);

        var second = handOff.FlushAsync(CancellationToken.None);

        second.IsCompleted.ShouldBeFalse("one unread batch holds the producer back: a stream is never buffered whole");
        handOff.Reader.TryRead(out _).ShouldBeTrue();
        await second;
        handOff.Reader.TryRead(out var batch).ShouldBeTrue();
        batch.ShouldBe([2]);
    }

    [Fact]
    public async Task FlushAsync_CancelledWhileWaiting_Throws()
    {
        var handOff = new BatchedHandOff<int>();
        handOff.Add(1);
        await handOff.FlushAsync(CancellationToken.None);
        handOff.Add(2);
        using var cts = new CancellationTokenSource();

        var waiting = handOff.FlushAsync(cts.Token);
        cts.Cancel();

        await Should.ThrowAsync<OperationCanceledException>(waiting.AsTask());
    }
}
