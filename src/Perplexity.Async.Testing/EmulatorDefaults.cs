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
}
