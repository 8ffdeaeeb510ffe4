using System;

namespace Perplexity.Async.Testing;

/// <summary>
/// Settings of a <see cref="PerplexityEmulator"/>: its clock, how long jobs and Agent runs take, which API key it
/// accepts, where it listens, and which of the live Agent API's quirks it reproduces. The emulator copies them when it
/// is created.
/// </summary>
/// <remarks>
/// The <c>Agent…</c> settings apply to the Agent API routes (<c>v1/agent</c>, <c>v1/responses</c>); the others to the
/// legacy async routes. An Agent run's duration is the time from its create to its terminal status, queued time included.
/// </remarks>
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

    /// <summary>
    /// Makes the retired legacy routes (<c>async/chat/completions</c>, <c>v1/async/sonar</c>, <c>chat/completions</c>
    /// and <c>v1/sonar</c>) answer every request with the live service's 403 <c>chat_completions_not_available</c>.
    /// Defaults to <see langword="false"/>: the legacy routes keep working offline.
    /// </summary>
    public bool RetireLegacyRoutes { get; set; }

    /// <summary>How long a <c>fast</c> (or <c>fast-search</c>) preset run takes. Defaults to 4 seconds.</summary>
    public TimeSpan AgentFastDuration { get; set; } = EmulatorDefaults.AgentFastDuration;

    /// <summary>How long a <c>low</c> (or <c>pro-search</c>) preset run takes. Defaults to 10 seconds.</summary>
    public TimeSpan AgentLowDuration { get; set; } = EmulatorDefaults.AgentLowDuration;

    /// <summary>How long a <c>medium</c> (or <c>deep-research</c>) preset run takes. Defaults to 40 seconds.</summary>
    public TimeSpan AgentMediumDuration { get; set; } = EmulatorDefaults.AgentMediumDuration;

    /// <summary>How long a <c>high</c> (or <c>advanced-deep-research</c>) preset run takes. Defaults to 2 minutes.</summary>
    public TimeSpan AgentHighDuration { get; set; } = EmulatorDefaults.AgentHighDuration;

    /// <summary>How long an <c>xhigh</c> preset run takes. Defaults to 4 minutes.</summary>
    public TimeSpan AgentXHighDuration { get; set; } = EmulatorDefaults.AgentXHighDuration;

    /// <summary>How long a run on a direct model (<c>model</c> or <c>models</c>, no preset) takes. Defaults to 6 seconds.</summary>
    public TimeSpan AgentModelDuration { get; set; } = EmulatorDefaults.AgentModelDuration;

    /// <summary>
    /// How long a run stays <c>queued</c> before it is <c>in_progress</c>; capped at the run's duration. Defaults to
    /// 1 second.
    /// </summary>
    public TimeSpan AgentQueuedDuration { get; set; } = EmulatorDefaults.AgentQueuedDuration;

    /// <summary>
    /// How long after a cancel is acknowledged (<c>cancelling</c>) the run turns <c>cancelled</c>; until then GET
    /// keeps showing it queued or in progress. A run whose planned end comes first ends as planned. Defaults to 1 second.
    /// </summary>
    public TimeSpan AgentCancelDelay { get; set; } = EmulatorDefaults.AgentCancelDelay;

    /// <summary>
    /// How long after a resumable run ended <c>GET …?stream=true&amp;starting_after=N</c> still replays its events;
    /// later it answers 400 <c>reconnect cursor expired</c>. Defaults to 10 minutes.
    /// </summary>
    public TimeSpan AgentReplayWindow { get; set; } = EmulatorDefaults.AgentReplayWindow;

    /// <summary>
    /// How long a stream may stay silent before the emulator sends a keep-alive (a blank line, or a comment with
    /// <see cref="AgentKeepAliveAsComment"/>); <see langword="null"/> sends none. Defaults to 15 seconds.
    /// </summary>
    public TimeSpan? AgentKeepAliveInterval { get; set; } = EmulatorDefaults.AgentKeepAliveInterval;

    /// <summary>
    /// Sends keep-alives as <c>: keep-alive</c> comment lines instead of blank lines. Defaults to <see langword="false"/>
    /// (blank lines, as the live service is documented to send).
    /// </summary>
    public bool AgentKeepAliveAsComment { get; set; }

    /// <summary>
    /// Requests per second (on <see cref="TimeProvider"/>) the Agent routes accept before they answer 429
    /// <c>request_rate_limit_exceeded</c>; reported in the <c>x-ratelimit-*</c> headers. Defaults to 50.
    /// </summary>
    public int AgentRateLimit { get; set; } = EmulatorDefaults.AgentRateLimit;

    /// <summary>
    /// Accepts the request fields that Perplexity's migration guide uses but the published request schema lacks
    /// (<c>max_tool_calls</c>, <c>metadata</c>, <c>truncation</c>, <c>parallel_tool_calls</c>, <c>stream_options</c>).
    /// Set it to <see langword="false"/> to treat them as unknown fields (400), as a deployment with that schema would.
    /// Defaults to <see langword="true"/>.
    /// </summary>
    public bool AgentAcceptsOptInFields { get; set; } = true;

    /// <summary>
    /// Answers a cancel of an unknown (well-formed) id with the documented 404 <c>not_found</c>. Defaults to
    /// <see langword="false"/>: the live behaviour, a 400 identical to the "already terminal" one.
    /// </summary>
    public bool AgentCancelOfUnknownIdIsNotFound { get; set; }

    /// <summary>The largest Agent create body, in bytes (UTF-8); a larger one answers 413 <c>payload_too_large</c>. Defaults to 32 MiB.</summary>
    public long AgentMaxRequestBodyBytes { get; set; } = EmulatorDefaults.AgentMaxRequestBodyBytes;

    /// <summary>
    /// Checks creates as the API does: on the Agent routes, models and presets against the catalogue and the documented
    /// parameter ranges and values (<c>temperature</c>, <c>top_p</c>, <c>max_output_tokens</c>, <c>reasoning.effort</c>,
    /// …), answered with the API's 400; on the legacy routes, the documented Sonar models and parameter ranges, answered
    /// with FastAPI's 422. Defaults to <see langword="true"/>, so a test catches a typo in a model name before the live
    /// API does; set it to <see langword="false"/> to accept any model (priced at zero) and any value. The request's
    /// shape (JSON, required fields, unknown Agent fields) is checked either way.
    /// </summary>
    public bool ValidateRequests { get; set; } = true;
}
