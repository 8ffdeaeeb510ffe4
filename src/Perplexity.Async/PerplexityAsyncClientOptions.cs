using System;
using System.Text;
using Microsoft.Extensions.Logging;

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
    /// How <c>WaitForCompletionAsync</c> and <c>WatchAsync</c> poll when a call passes no <see cref="PollingOptions"/>.
    /// Defaults to <see langword="null"/>: the <see cref="PollingOptions"/> defaults (1 s growing to 15 s, with jitter,
    /// no overall timeout).
    /// </summary>
    public PollingOptions? Polling { get; set; }

    /// <summary>Describes the settings without the API key.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(nameof(PerplexityAsyncClientOptions)).Append(" { ");
        builder.Append("ApiKey = ").Append(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "(set)");
        builder.Append(", BaseAddress = ").Append(BaseAddress);
        builder.Append(", MaxResponseContentBytes = ").Append(MaxResponseContentBytes);
        return builder.Append(" }").ToString();
    }
}
