using System;

namespace Perplexity.Async.Testing;

/// <summary>Every default of the emulator in one place; each one is pinned by a test.</summary>
internal static class EmulatorDefaults
{
    /// <summary>How long a job stays <c>CREATED</c> before it starts: 1 second.</summary>
    public static readonly TimeSpan QueuedDuration = TimeSpan.FromSeconds(1);

    /// <summary>How long a job stays <c>IN_PROGRESS</c> before it finishes: 3 seconds.</summary>
    public static readonly TimeSpan RunningDuration = TimeSpan.FromSeconds(3);

    /// <summary>How long the API keeps a job: 7 days, then its id is gone.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    /// <summary>The API key <see cref="PerplexityEmulator.CreateClient"/> sends when no key is configured.</summary>
    public const string ApiKey = "pplx-emulator";

    /// <summary>The model of a job added with <see cref="PerplexityEmulator.AddJob"/> when none is given.</summary>
    public const string Model = "sonar-deep-research";

    /// <summary>The list endpoint's page size when <c>limit</c> is not sent: 20.</summary>
    public const int ListLimit = 20;

    /// <summary>
    /// How long a fast-preset Agent run takes from submit to terminal: 4 seconds, as observed live (a background fast
    /// run was <c>queued</c>, <c>queued</c>, <c>completed</c> within about 4 s).
    /// </summary>
    public static readonly TimeSpan AgentFastDuration = TimeSpan.FromSeconds(4);

    /// <summary>
    /// How long a low-preset (pro-search) run takes: 10 seconds. Not measured; a few search rounds put it between the
    /// fast preset (4 s) and the medium one (40 s).
    /// </summary>
    public static readonly TimeSpan AgentLowDuration = TimeSpan.FromSeconds(10);

    /// <summary>How long a medium-preset (deep-research) run takes: 40 seconds, as observed live from submit to completed.</summary>
    public static readonly TimeSpan AgentMediumDuration = TimeSpan.FromSeconds(40);

    /// <summary>How long a high-preset run takes: 2 minutes. Not measured; a heavier research tier, about three times medium.</summary>
    public static readonly TimeSpan AgentHighDuration = TimeSpan.FromMinutes(2);

    /// <summary>How long an xhigh-preset run takes: 4 minutes. Not measured; the heaviest tier, twice high.</summary>
    public static readonly TimeSpan AgentXHighDuration = TimeSpan.FromMinutes(4);

    /// <summary>
    /// How long a run on a direct model (no preset) takes: 6 seconds. Not measured; one model call with at most one
    /// search, a little slower than the fast preset's tuned path.
    /// </summary>
    public static readonly TimeSpan AgentModelDuration = TimeSpan.FromSeconds(6);

    /// <summary>
    /// How long a run stays <c>queued</c> before it is <c>in_progress</c> (never longer than the whole run): 1 second,
    /// because the observed fast run was still queued on its first polls.
    /// </summary>
    public static readonly TimeSpan AgentQueuedDuration = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long after a cancel acknowledgement the run turns <c>cancelled</c>: 1 second, because live GETs kept showing
    /// <c>in_progress</c> for "a few more polls" after the 200 <c>cancelling</c>.
    /// </summary>
    public static readonly TimeSpan AgentCancelDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long after a run ended its stream can still be resumed with <c>starting_after</c>: 10 minutes. The live
    /// window is undocumented; this is long enough for any reconnect and short enough to test the expiry.
    /// </summary>
    public static readonly TimeSpan AgentReplayWindow = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a stream stays silent before it sends a keep-alive: 15 seconds, well under the 30–60 s idle timeout of
    /// common proxies, so a long search phase does not drop the connection.
    /// </summary>
    public static readonly TimeSpan AgentKeepAliveInterval = TimeSpan.FromSeconds(15);

    /// <summary>Requests per rate-limit window: 50, the <c>x-ratelimit-limit</c> observed on a live create.</summary>
    public const int AgentRateLimit = 50;

    /// <summary>The rate-limit window: 1 second (the live <c>x-ratelimit-reset</c> was 1 s after <c>Date</c>; limits are per second).</summary>
    public static readonly TimeSpan AgentRateLimitWindow = TimeSpan.FromSeconds(1);

    /// <summary>The largest create body accepted: 32 MiB, the documented limit (a larger one answers 413).</summary>
    public const long AgentMaxRequestBodyBytes = 32L * 1024 * 1024;

    /// <summary>
    /// The preset of a run added with <see cref="PerplexityEmulator.AddAgentRun"/> when none is given: <c>medium</c>,
    /// the documented equivalent of <c>sonar-deep-research</c>.
    /// </summary>
    public const string AgentPreset = "medium";

    /// <summary>
    /// How long <c>RunUntilCompletedAsync</c> waits, in real time, for the code to end or start a timer before it
    /// gives up: 15 seconds, far above what in-memory calls take even on a loaded machine.
    /// </summary>
    public static readonly TimeSpan DriveRealTimeLimit = TimeSpan.FromSeconds(15);

    /// <summary>The most timer steps <c>RunUntilCompletedAsync</c> takes: 10,000, far more than any wait's polls.</summary>
    public const int DriveMaxSteps = 10_000;
}
