using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Perplexity.Async.Tests.Samples;

/// <summary>
/// Drives a fake clock for code that waits on several timers at once, such as three jobs waited for together.
/// <see cref="TestSupport.TestClock.DriveAsync(Task, int)"/> advances once the code made a new timer, and a wait that
/// ends without one (its job is done) while the others still sleep would stall it. Here time moves in fixed steps,
/// with a few turns of the thread pool in between for the code to react, until the task completes. Nothing sleeps on
/// the real clock; the real time only bounds a hung test.
/// </summary>
/// <remarks>
/// Time may run ahead of slow code (a step can pass while a poll is in flight), so only use it where that is harmless:
/// no request timeout on the client, and no assertion on which intermediate statuses were seen.
/// </remarks>
internal static class PacedClock
{
    private static readonly TimeSpan RealTimeBound = TimeSpan.FromSeconds(60);

    public static async Task<T> AdvanceInStepsUntilDoneAsync<T>(this FakeTimeProvider clock, Task<T> task, TimeSpan step)
    {
        var realTime = Stopwatch.StartNew();
        while (!task.IsCompleted)
        {
            if (realTime.Elapsed > RealTimeBound)
            {
                throw new TimeoutException($"The task did not complete within {RealTimeBound} of real time.");
            }

            clock.Advance(step);
            for (var turn = 0; turn < 20 && !task.IsCompleted; turn++)
            {
                await Task.Yield();
            }
        }

        return await task;
    }
}
