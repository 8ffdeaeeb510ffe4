namespace Perplexity.Async;

/// <summary>How the delay between two polls grows (<see cref="PollingOptions.BackoffType"/>).</summary>
public enum PollingBackoffType
{
    /// <summary>The same delay every time: <see cref="PollingOptions.InitialDelay"/>.</summary>
    Constant = 0,

    /// <summary>Growing by <see cref="PollingOptions.InitialDelay"/> each time: 1, 2, 3 s, ….</summary>
    Linear = 1,

    /// <summary>Doubling each time: 1, 2, 4, 8 s, …, up to <see cref="PollingOptions.MaxDelay"/>.</summary>
    Exponential = 2,
}
