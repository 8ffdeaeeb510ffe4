using System;
using System.Collections.Generic;
using Perplexity.Async.Errors;
using Polly;

namespace Perplexity.Async.Waiting;

/// <summary>
/// A validated copy of <see cref="PollingOptions"/>, taken when a client is created or a wait starts, so that later
/// changes to the options object cannot change a wait under way.
/// </summary>
internal sealed class PollingSettings
{
    private PollingSettings(PollingOptions options)
    {
        InitialDelay = options.InitialDelay;
        BackoffType = options.BackoffType;
        MaxDelay = options.MaxDelay;
        UseJitter = options.UseJitter;
        Timeout = options.Timeout;
        MaxConsecutiveFailures = options.MaxConsecutiveFailures;
        RequestOptions = options.RequestOptions;
        Randomizer = options.Randomizer;
    }

    public static PollingSettings Default { get; } = new(new PollingOptions());

    public TimeSpan InitialDelay { get; }

    public PollingBackoffType BackoffType { get; }

    /// <summary>The backoff as Polly names it; Polly stays an implementation detail of the engine.</summary>
    public DelayBackoffType PollyBackoffType => BackoffType switch
    {
        PollingBackoffType.Constant => DelayBackoffType.Constant,
        PollingBackoffType.Linear => DelayBackoffType.Linear,
        _ => DelayBackoffType.Exponential,
    };

    public TimeSpan MaxDelay { get; }

    public bool UseJitter { get; }

    public TimeSpan? Timeout { get; }

    public int? MaxConsecutiveFailures { get; }

    public AsyncRequestOptions? RequestOptions { get; }

    public Func<double>? Randomizer { get; }

    /// <summary>Validates and copies <paramref name="options"/>; a bad setting throws, naming it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message names it.</exception>
    public static PollingSettings Create(PollingOptions options, string parameterName)
    {
        var problems = Validate(options);
        if (problems.Count > 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, "Invalid polling options: " + string.Join(" ", problems));
        }

        return new PollingSettings(options);
    }

    /// <summary>One message per invalid setting, each starting with the setting's name.</summary>
    public static List<string> Validate(PollingOptions options)
    {
        var problems = new List<string>();
        if (options.InitialDelay <= TimeSpan.Zero || options.InitialDelay > PollingDefaults.MaxSetting)
        {
            problems.Add($"{nameof(PollingOptions.InitialDelay)} must be positive and at most {DurationText.Of(PollingDefaults.MaxSetting)}; it is {options.InitialDelay}.");
        }

        if (options.BackoffType is not (PollingBackoffType.Constant or PollingBackoffType.Linear or PollingBackoffType.Exponential))
        {
            problems.Add($"{nameof(PollingOptions.BackoffType)} must be Constant, Linear or Exponential; it is {options.BackoffType}.");
        }

        if (options.MaxDelay < options.InitialDelay || options.MaxDelay > PollingDefaults.MaxSetting)
        {
            problems.Add($"{nameof(PollingOptions.MaxDelay)} must be at least {nameof(PollingOptions.InitialDelay)} ({options.InitialDelay}) and at most {DurationText.Of(PollingDefaults.MaxSetting)}; it is {options.MaxDelay}.");
        }

        if (options.Timeout is { } timeout && (timeout < PollingDefaults.MinTimeout || timeout > PollingDefaults.MaxSetting))
        {
            problems.Add($"{nameof(PollingOptions.Timeout)} must be null (no limit) or between {DurationText.Of(PollingDefaults.MinTimeout)} and {DurationText.Of(PollingDefaults.MaxSetting)}; it is {timeout}.");
        }

        if (options.MaxConsecutiveFailures is < 1)
        {
            problems.Add($"{nameof(PollingOptions.MaxConsecutiveFailures)} must be null (no limit) or at least 1; it is {options.MaxConsecutiveFailures}.");
        }

        return problems;
    }
}
