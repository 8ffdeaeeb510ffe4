using System;
using Perplexity.Async.Testing.Internal.Agent;

namespace Perplexity.Async.Testing.Internal;

/// <summary>The validated copy of <see cref="PerplexityEmulatorOptions"/> an emulator runs with.</summary>
internal sealed class EmulatorSettings
{
    public EmulatorSettings(PerplexityEmulatorOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        UserTimeProvider = options.TimeProvider
            ?? throw new ArgumentException($"{nameof(options.TimeProvider)} is null.", nameof(options));
        TimeProvider = new TrackingTimeProvider(UserTimeProvider);
        QueuedDuration = options.QueuedDuration >= TimeSpan.Zero
            ? options.QueuedDuration
            : throw new ArgumentException($"{nameof(options.QueuedDuration)} must not be negative; it is {options.QueuedDuration}.", nameof(options));
        RunningDuration = options.RunningDuration >= TimeSpan.Zero
            ? options.RunningDuration
            : throw new ArgumentException($"{nameof(options.RunningDuration)} must not be negative; it is {options.RunningDuration}.", nameof(options));
        Retention = options.Retention > TimeSpan.Zero
            ? options.Retention
            : throw new ArgumentException($"{nameof(options.Retention)} must be positive; it is {options.Retention}.", nameof(options));
        if (options.ApiKey is not null && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            throw new ArgumentException($"{nameof(options.ApiKey)} is empty or whitespace; leave it null to accept any key.", nameof(options));
        }

        ApiKey = options.ApiKey;
        var address = options.BaseAddress
            ?? throw new ArgumentException($"{nameof(options.BaseAddress)} is null.", nameof(options));
        if (!address.IsAbsoluteUri)
        {
            throw new ArgumentException($"{nameof(options.BaseAddress)} '{address}' is not an absolute URI.", nameof(options));
        }

        BaseAddress = address.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? address : new Uri(address.AbsoluteUri + "/");
        Agent = new AgentSettings(options);
        ValidateRequests = options.ValidateRequests;
    }

    /// <summary>Whether creates are checked for known models and documented parameter values.</summary>
    public bool ValidateRequests { get; }

    /// <summary>The Agent API's settings.</summary>
    public AgentSettings Agent { get; }

    /// <summary>The clock the emulator and its clients run on: <see cref="UserTimeProvider"/>, its timers tracked.</summary>
    public TrackingTimeProvider TimeProvider { get; }

    /// <summary>The clock the options gave.</summary>
    public TimeProvider UserTimeProvider { get; }

    public TimeSpan QueuedDuration { get; }

    public TimeSpan RunningDuration { get; }

    public TimeSpan Retention { get; }

    public string? ApiKey { get; }

    /// <summary>The base address, always ending with <c>/</c>.</summary>
    public Uri BaseAddress { get; }
}
