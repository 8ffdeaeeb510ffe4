using System;

namespace Perplexity.Async.Testing;

/// <summary>
/// Settings of a <see cref="PerplexityEmulator"/>: its clock, how long jobs take, which API key it accepts and
/// where it listens. The emulator copies them when it is created.
/// </summary>
/// <example>
/// <code>
/// var time = new FakeTimeProvider();
/// var emulator = new PerplexityEmulator(new PerplexityEmulatorOptions
/// {
///     TimeProvider = time,
///     QueuedDuration = TimeSpan.FromSeconds(2),
///     RunningDuration = TimeSpan.FromMinutes(3),
///     ApiKey = "pplx-test",
/// });
/// </code>
/// </example>
public class PerplexityEmulatorOptions
{
    /// <summary>
    /// The clock that moves jobs forward. Defaults to <see cref="TimeProvider.System"/>; tests pass a
    /// <c>FakeTimeProvider</c> and advance it instead of waiting.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How long a new job stays <c>CREATED</c> before it is <c>IN_PROGRESS</c>. Defaults to 1 second.</summary>
    public TimeSpan QueuedDuration { get; set; } = EmulatorDefaults.QueuedDuration;

    /// <summary>
    /// How long a job stays <c>IN_PROGRESS</c> before it is <c>COMPLETED</c> (or <c>FAILED</c>, when scripted so).
    /// Defaults to 3 seconds.
    /// </summary>
    public TimeSpan RunningDuration { get; set; } = EmulatorDefaults.RunningDuration;

    /// <summary>
    /// How long a job can be read after it was created; later its id answers 404 and it leaves the list, as on the
    /// real API. Defaults to 7 days.
    /// </summary>
    public TimeSpan Retention { get; set; } = EmulatorDefaults.Retention;

    /// <summary>
    /// The only API key accepted as <c>Authorization: Bearer</c>; any other answers 401. Defaults to
    /// <see langword="null"/>: any non-empty key is accepted.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The address the emulator serves. Only its path matters (requests to any host are answered), so routes are
    /// matched exactly below it. Defaults to <see cref="PerplexityAsyncClientOptions.DefaultBaseAddress"/>
    /// (<c>https://api.perplexity.ai/</c>).
    /// </summary>
    public Uri BaseAddress { get; set; } = PerplexityAsyncClientOptions.DefaultBaseAddress;
}
