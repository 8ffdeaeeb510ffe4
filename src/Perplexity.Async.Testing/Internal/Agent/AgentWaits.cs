using System;
using System.Threading;
using System.Threading.Tasks;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>Awaiting a signal or a time on the emulator's clock, with a cancellation token, on every target framework.</summary>
internal static class AgentWaits
{
    /// <summary>Completes when <paramref name="signal"/> completes or <paramref name="delay"/> (when not null) has passed on <paramref name="time"/>.</summary>
    public static async Task WaitAsync(Task signal, TimeSpan? delay, TimeProvider time, CancellationToken cancellationToken)
    {
        var woken = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = cancellationToken.Register(() => woken.TrySetCanceled(cancellationToken));
        using var timer = delay is { } due ? time.CreateTimer(_ => woken.TrySetResult(true), null, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan) : null;
        _ = signal.ContinueWith(_ => woken.TrySetResult(true), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        await woken.Task.ConfigureAwait(false);
    }
}
