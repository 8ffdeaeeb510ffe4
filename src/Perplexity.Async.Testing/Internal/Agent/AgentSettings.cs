using System;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>The validated Agent API settings of <see cref="PerplexityEmulatorOptions"/>.</summary>
internal sealed class AgentSettings
{
    public AgentSettings(PerplexityEmulatorOptions options)
    {
        FastDuration = NonNegative(options.AgentFastDuration, nameof(options.AgentFastDuration));
        LowDuration = NonNegative(options.AgentLowDuration, nameof(options.AgentLowDuration));
        MediumDuration = NonNegative(options.AgentMediumDuration, nameof(options.AgentMediumDuration));
        HighDuration = NonNegative(options.AgentHighDuration, nameof(options.AgentHighDuration));
        XHighDuration = NonNegative(options.AgentXHighDuration, nameof(options.AgentXHighDuration));
        ModelDuration = NonNegative(options.AgentModelDuration, nameof(options.AgentModelDuration));
        QueuedDuration = NonNegative(options.AgentQueuedDuration, nameof(options.AgentQueuedDuration));
        CancelDelay = NonNegative(options.AgentCancelDelay, nameof(options.AgentCancelDelay));
        ReplayWindow = NonNegative(options.AgentReplayWindow, nameof(options.AgentReplayWindow));
        if (options.AgentKeepAliveInterval is { } keepAlive && keepAlive <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(options.AgentKeepAliveInterval)} must be positive or null; it is {keepAlive}.", nameof(options));
        }

        KeepAliveInterval = options.AgentKeepAliveInterval;
        KeepAliveAsComment = options.AgentKeepAliveAsComment;
        RateLimit = options.AgentRateLimit >= 1
            ? options.AgentRateLimit
            : throw new ArgumentException($"{nameof(options.AgentRateLimit)} must be at least 1; it is {options.AgentRateLimit}.", nameof(options));
        MaxRequestBodyBytes = options.AgentMaxRequestBodyBytes >= 1
            ? options.AgentMaxRequestBodyBytes
            : throw new ArgumentException($"{nameof(options.AgentMaxRequestBodyBytes)} must be at least 1; it is {options.AgentMaxRequestBodyBytes}.", nameof(options));
        AcceptsOptInFields = options.AgentAcceptsOptInFields;
        ValidateRequests = options.ValidateRequests;
        CancelOfUnknownIdIsNotFound = options.AgentCancelOfUnknownIdIsNotFound;
        RetireLegacyRoutes = options.RetireLegacyRoutes;
    }

    public TimeSpan FastDuration { get; }

    public TimeSpan LowDuration { get; }

    public TimeSpan MediumDuration { get; }

    public TimeSpan HighDuration { get; }

    public TimeSpan XHighDuration { get; }

    public TimeSpan ModelDuration { get; }

    public TimeSpan QueuedDuration { get; }

    public TimeSpan CancelDelay { get; }

    public TimeSpan ReplayWindow { get; }

    public TimeSpan? KeepAliveInterval { get; }

    public bool KeepAliveAsComment { get; }

    public int RateLimit { get; }

    public long MaxRequestBodyBytes { get; }

    public bool AcceptsOptInFields { get; }

    /// <summary>Whether creates are checked for catalogue models and documented parameter values.</summary>
    public bool ValidateRequests { get; }

    public bool CancelOfUnknownIdIsNotFound { get; }

    public bool RetireLegacyRoutes { get; }

    /// <summary>The configured duration of a run on <paramref name="preset"/> (canonical name), or on a direct model when null.</summary>
    public TimeSpan DurationOf(string? preset) => preset switch
    {
        "fast" => FastDuration,
        "low" => LowDuration,
        "medium" => MediumDuration,
        "high" => HighDuration,
        "xhigh" => XHighDuration,
        _ => ModelDuration,
    };

    private static TimeSpan NonNegative(TimeSpan value, string name) =>
        value >= TimeSpan.Zero ? value : throw new ArgumentException($"{name} must not be negative; it is {value}.");
}
