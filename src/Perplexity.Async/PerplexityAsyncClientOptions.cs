using System;
using System.Text;
using Microsoft.Extensions.Logging;
using Perplexity.Async.Transport;

namespace Perplexity.Async;

/// <summary>
/// Settings of a <see cref="PerplexityAsyncClient"/>. Bind them from configuration (section <c>"Perplexity"</c>)
/// or set them in code; the client copies them when it is created.
/// </summary>
public class PerplexityAsyncClientOptions
{
    /// <summary>The environment variable read when <see cref="ApiKey"/> is not set: <c>PERPLEXITY_API_KEY</c>.</summary>
    public const string ApiKeyEnvironmentVariable = "PERPLEXITY_API_KEY";

    /// <summary>The configuration section name by convention: <c>"Perplexity"</c>.</summary>
    public const string DefaultSectionName = "Perplexity";

    /// <summary>The production API address: <c>https://api.perplexity.ai/</c>.</summary>
    public static Uri DefaultBaseAddress { get; } = new("https://api.perplexity.ai/");

    /// <summary>
    /// The API key sent as <c>Authorization: Bearer</c>. Defaults to the <c>PERPLEXITY_API_KEY</c> environment
    /// variable. Never printed: <see cref="ToString"/>, logs and exception messages leave it out.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The API's base address. Defaults to <see cref="DefaultBaseAddress"/>. Must be HTTPS unless it is a
    /// loopback address (for local emulators and tests).
    /// </summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>
    /// How many times a failed HTTP call is retried. Defaults to 2 (at most three attempts), as in the official SDKs;
    /// 0 disables the built-in retries. Retried: 408, 409, 429 and 5xx answers, timeouts and connection errors, after
    /// an exponential backoff with jitter (about 0.5 s, 1 s, 2 s…, never more than 8 s) or the server's
    /// <c>retry-after-ms</c> / <c>Retry-After</c> when it asks for 0 to 60 s; an <c>x-should-retry: true|false</c>
    /// answer header overrides the status rule. Only calls that are safe to repeat are retried: gets, lists, and
    /// creates, which carry an idempotency key (see <see cref="AsyncCreateOptions.IdempotencyKey"/>).
    /// </summary>
    /// <remarks>
    /// When the <see cref="System.Net.Http.HttpClient"/> already retries (for example <c>AddStandardResilienceHandler</c>
    /// from Microsoft.Extensions.Http.Resilience on an <c>IHttpClientFactory</c> client), set this to 0 so the two
    /// do not multiply (3 × 3 attempts, each with its own delays).
    /// </remarks>
    public int MaxRetries { get; set; } = RetryDefaults.MaxRetries;

    /// <summary>
    /// The longest one attempt may wait for the response headers before it is abandoned (and retried, if retries
    /// remain). Defaults to <see langword="null"/>: no per-attempt limit, as in the official SDKs, so only
    /// <see cref="RequestTimeout"/> applies. Between 10 ms and 24 h, shorter than <see cref="RequestTimeout"/>;
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> also means no limit. Measured on <see cref="TimeProvider"/>.
    /// </summary>
    public TimeSpan? AttemptTimeout { get; set; }

    /// <summary>
    /// The longest a whole call may take: every attempt, the delays between them, and reading the response body.
    /// Defaults to 15 minutes, as in the official SDKs. Between 10 ms and 24 h; <see langword="null"/> or
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> means no limit. When it runs out the call fails with a
    /// <see cref="PerplexityTimeoutException"/>. Measured on <see cref="TimeProvider"/>.
    /// </summary>
    public TimeSpan? RequestTimeout { get; set; } = RetryDefaults.RequestTimeout;

    /// <summary>
    /// The clock for delays, timeouts and measured durations. Defaults to <see cref="TimeProvider.System"/>; tests pass
    /// a fake one. Left at the default, <c>AddPerplexityAsync</c> uses the container's <see cref="System.TimeProvider"/> if one is registered.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Where the client logs requests, responses and job progress (category <c>Perplexity.Async.PerplexityAsyncClient</c>).
    /// Defaults to <see langword="null"/>: no logging. <c>AddPerplexityAsync</c> fills it from dependency injection.
    /// The API key and the <c>Authorization</c> header are never logged; request bodies only at <see cref="LogLevel.Trace"/>.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// The largest response body read, in bytes. Defaults to 16 MiB, about 50 times the largest deep-research
    /// result seen; a larger body ends in a <see cref="PerplexityProtocolException"/> instead of exhausting memory.
    /// </summary>
    public long MaxResponseContentBytes { get; set; } = ClientDefaults.MaxResponseContentBytes;

    /// <summary>
    /// How <c>WaitForCompletionAsync</c> and <c>WatchAsync</c> poll when a call passes no <see cref="PollingOptions"/>, on
    /// both APIs. Defaults to <see langword="null"/>: for the async chat-completions routes the <see cref="PollingOptions"/>
    /// defaults (1 s growing to 15 s, with jitter, no overall timeout), for Agent API runs 1 s growing to 10 s (runs are
    /// shorter: a fast preset finishes in seconds, a medium one in about 40 s).
    /// </summary>
    public PollingOptions? Polling { get; set; }

    /// <summary>
    /// Whether <c>client.Agent.RunAsync</c> asks the server to cancel the run when the caller's
    /// <see cref="System.Threading.CancellationToken"/> stops the wait, so an abandoned run stops billing (best effort:
    /// one cancel request, bounded to 10 seconds). Defaults to <see langword="true"/>. <c>WaitForCompletionAsync</c> never
    /// cancels a run: it only stops waiting.
    /// </summary>
    public bool CancelAbandonedRuns { get; set; } = true;

    /// <summary>
    /// One request budget for every call of this client, retries and polls included: a token bucket of
    /// <see cref="RequestBudgetOptions.Burst"/> permits gaining <see cref="RequestBudgetOptions.RequestsPerSecond"/> a second,
    /// which also slows down when the service's <c>x-ratelimit-remaining</c> runs low and stops after a 429 until its
    /// <c>Retry-After</c>. Defaults to <see langword="null"/>: off. The Agent API limits requests per organisation, shared by
    /// all its keys (50 a second was observed); set a budget when one process waits on many runs, or when several share
    /// an organisation. Clients that <c>AddPerplexityAsync</c> registers under one name share one budget.
    /// </summary>
    public RequestBudgetOptions? RequestBudget { get; set; }

    /// <summary>Tests turn jitter off to pin exact backoff delays; users have no reason to.</summary>
    /// <summary>A shallow copy, every setting included (internal ones too), for code that fills in unset settings.</summary>
    internal PerplexityAsyncClientOptions Copy() => (PerplexityAsyncClientOptions)MemberwiseClone();

    internal bool UseRetryJitter { get; set; } = true;

    /// <summary>Describes the settings without the API key.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(nameof(PerplexityAsyncClientOptions)).Append(" { ");
        builder.Append("ApiKey = ").Append(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "(set)");
        builder.Append(", BaseAddress = ").Append(BaseAddress);
        builder.Append(", MaxResponseContentBytes = ").Append(MaxResponseContentBytes);
        builder.Append(", MaxRetries = ").Append(MaxRetries);
        builder.Append(", AttemptTimeout = ").Append(AttemptTimeout?.ToString() ?? "(none)");
        builder.Append(", RequestTimeout = ").Append(RequestTimeout?.ToString() ?? "(none)");
        builder.Append(", CancelAbandonedRuns = ").Append(CancelAbandonedRuns);
        builder.Append(", RequestBudget = ").Append(RequestBudget?.ToString() ?? "(off)");
        return builder.Append(" }").ToString();
    }
}
