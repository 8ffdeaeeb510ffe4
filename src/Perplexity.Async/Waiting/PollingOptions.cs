using System;
using Perplexity.Async.Waiting;

namespace Perplexity.Async;

/// <summary>
/// How <see cref="AsyncCompletionsClient.WaitForCompletionAsync(string, PollingOptions?, IProgress{AsyncApiChatCompletionsResponse}?, System.Threading.CancellationToken)"/>
/// and <see cref="AsyncCompletionsClient.WatchAsync(string, PollingOptions?, System.Threading.CancellationToken)"/> poll a job.
/// </summary>
/// <remarks>
/// <para>
/// The defaults are chosen for deep research, where a job runs for minutes: the first look comes after 1 second
/// (short jobs are often done by then), the delay doubles up to 15 seconds (a finished result is at most about
/// 15 seconds late, and a ten-minute job costs about 45 requests, far below the rate limit), with jitter so that
/// many waiters do not poll in lockstep, and with no overall timeout: the API has no cancel endpoint, so a time limit
/// only stops the waiting, and the caller's <see cref="System.Threading.CancellationToken"/> does that already.
/// </para>
/// <para>
/// Transient failures while polling (HTTP 408, 429, 5xx, network errors and per-request timeouts) are retried with
/// the same backoff; a <c>Retry-After</c> (or <c>retry-after-ms</c>) answer makes the next delay at least that long,
/// up to 60 seconds. HTTP 401, 403, 404, 422 and any other error end the wait at once with their typed exception.
/// </para>
/// <para>
/// Pass an instance per call, or set <see cref="PerplexityAsyncClientOptions.Polling"/> for a client-wide default.
/// A per-call instance replaces the client default as a whole. The settings are read when a wait starts.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var polling = new PollingOptions
/// {
///     Timeout = TimeSpan.FromMinutes(20),     // stop waiting (the job keeps running); default: no limit
///     MaxDelay = TimeSpan.FromSeconds(30),    // poll less often once the job has run a while; default: 15 s
///     RequestOptions = new AsyncRequestOptions { ClientName = "my-app" },
/// };
/// AsyncApiChatCompletionsResponse done = await client.Sonar.WaitForCompletionAsync(requestId, polling, cancellationToken);
///
/// // Or once for the client:
/// using var client = new PerplexityAsyncClient(new PerplexityAsyncClientOptions { ApiKey = key, Polling = polling });
/// </code>
/// </example>
public sealed class PollingOptions
{
    /// <summary>
    /// The delay before the second poll, and the base of the backoff. Defaults to 1 second. Must be positive and at
    /// most 1 day.
    /// </summary>
    public TimeSpan InitialDelay { get; set; } = PollingDefaults.InitialDelay;

    /// <summary>
    /// How the delay grows from one poll to the next: <see cref="PollingBackoffType.Exponential"/> (doubling: 1, 2, 4,
    /// 8 s, …), <see cref="PollingBackoffType.Linear"/> (1, 2, 3 s, …) or <see cref="PollingBackoffType.Constant"/>.
    /// Defaults to <see cref="PollingBackoffType.Exponential"/>.
    /// </summary>
    public PollingBackoffType BackoffType { get; set; } = PollingDefaults.BackoffType;

    /// <summary>
    /// The longest delay between two polls, jitter included. Defaults to 15 seconds. Must be at least
    /// <see cref="InitialDelay"/> and at most 1 day. A <c>Retry-After</c> from the server may make one delay longer.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = PollingDefaults.MaxDelay;

    /// <summary>
    /// Whether Polly randomizes each delay (never beyond <see cref="MaxDelay"/>), so that many waiters started together
    /// spread out. Defaults to <see langword="true"/>.
    /// </summary>
    public bool UseJitter { get; set; } = PollingDefaults.UseJitter;

    /// <summary>
    /// The longest the whole wait may take; when it runs out the wait ends with a <see cref="PerplexityTimeoutException"/>
    /// whose <see cref="PerplexityTimeoutException.LastResponse"/> is the last state seen. The job itself keeps running.
    /// Defaults to <see langword="null"/>: no limit (cancel with the <see cref="System.Threading.CancellationToken"/>).
    /// When set, between 10 milliseconds and 1 day.
    /// </summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// How many transient failures in a row end the wait, with the last failure's exception. A successful poll resets
    /// the count. Defaults to 10 (over two minutes without an answer at the 15-second cap); at least 1;
    /// <see langword="null"/> retries transient failures for as long as the wait lasts.
    /// </summary>
    public int? MaxConsecutiveFailures { get; set; } = PollingDefaults.MaxConsecutiveFailures;

    /// <summary>
    /// The <c>local_mode</c> query parameter and <c>x-…</c> headers sent with every poll. Defaults to
    /// <see langword="null"/>: none. The instance is used as it is, not copied.
    /// </summary>
    public AsyncRequestOptions? RequestOptions { get; set; }

    /// <summary>For tests: replaces Polly's random source (values in [0, 1)) so that jittered delays are repeatable.</summary>
    internal Func<double>? Randomizer { get; set; }
}
