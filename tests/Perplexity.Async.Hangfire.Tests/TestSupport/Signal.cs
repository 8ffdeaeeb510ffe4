namespace Perplexity.Async.Hangfire.Tests.TestSupport;

/// <summary>
/// Awaiting a completion signal with a generous bound: Hangfire's servers poll their storage on the real clock, so the
/// bound is real time; it only turns a hang into a failure that says what never happened.
/// </summary>
internal static class Signal
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<T> Within<T>(this Task<T> task, string what)
    {
        try
        {
            return await task.WaitAsync(Timeout);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Timed out after {Timeout.TotalSeconds} s waiting for {what}.", ex);
        }
    }

    public static async Task Within(this Task task, string what)
    {
        try
        {
            await task.WaitAsync(Timeout);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Timed out after {Timeout.TotalSeconds} s waiting for {what}.", ex);
        }
    }
}
