using System.Threading;

namespace Perplexity.Async.Hangfire.Tests.TestSupport;

/// <summary>Awaiting a completion signal with a generous timeout: Hangfire's servers poll on the real clock.</summary>
internal static class Signal
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<T> Within<T>(this Task<T> task, string what)
    {
        using var cts = new CancellationTokenSource();
        var winner = await Task.WhenAny(task, Task.Delay(Timeout, cts.Token));
        if (winner != task)
        {
            throw new TimeoutException($"Timed out after {Timeout.TotalSeconds} s waiting for {what}.");
        }

        await cts.CancelAsync();
        return await task;
    }

    public static async Task Within(this Task task, string what)
    {
        using var cts = new CancellationTokenSource();
        var winner = await Task.WhenAny(task, Task.Delay(Timeout, cts.Token));
        if (winner != task)
        {
            throw new TimeoutException($"Timed out after {Timeout.TotalSeconds} s waiting for {what}.");
        }

        await cts.CancelAsync();
        await task;
    }
}
