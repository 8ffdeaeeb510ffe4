using System;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Perplexity.Async.Errors;

namespace Perplexity.Async.Waiting;

/// <summary>What every wait of a client runs with: its clock, logger and redaction. One per client.</summary>
internal sealed class WaitServices
{
    public WaitServices(TimeProvider timeProvider, ILogger logger, Redactor redactor, PollingSettings defaultPolling)
    {
        TimeProvider = timeProvider;
        Logger = logger;
        Redactor = redactor;
        DefaultPolling = defaultPolling;
    }

    /// <summary>For a client built for mocking: the system clock, no logs, nothing to redact, the default polling.</summary>
    public static WaitServices ForMocks { get; } = new(TimeProvider.System, NullLogger.Instance, Redactor.None, PollingSettings.Default);

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    public Redactor Redactor { get; }

    /// <summary>The polling used when a wait passes no <see cref="PollingOptions"/>: the client's, or the defaults.</summary>
    public PollingSettings DefaultPolling { get; }

    /// <summary>The settings of one wait: <paramref name="polling"/> validated and copied, or the client's default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is invalid; the message names it.</exception>
    public PollingSettings Resolve(PollingOptions? polling, string parameterName) =>
        polling is null ? DefaultPolling : PollingSettings.Create(polling, parameterName);
}
