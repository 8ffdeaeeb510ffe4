namespace Perplexity.Async.Hangfire.Diagnostics;

/// <summary>
/// The log event ids of durable runs on Hangfire. They are a promise: a released id never changes meaning, new ones are
/// added. 3xxx, after the client's 1xxx (HTTP calls) and 2xxx (jobs).
/// </summary>
internal static class HangfireLogEventIds
{
    /// <summary>Information: a run was created and its id stored in the creating job.</summary>
    public const int RunCreated = 3001;

    /// <summary>Information: a retried creating job found the run id stored and did not create again.</summary>
    public const int RunAlreadyCreated = 3002;

    /// <summary>Error: a create may have started a run whose id is unknown; the job stops without creating again.</summary>
    public const int CreateOutcomeUnknown = 3003;

    /// <summary>Debug: a check found the run still running and scheduled the next one.</summary>
    public const int CheckScheduled = 3004;

    /// <summary>Warning: a check failed transiently and the next one was scheduled.</summary>
    public const int CheckFailed = 3005;

    /// <summary>Information: a finished run was handed to its handler.</summary>
    public const int RunHandled = 3006;

    /// <summary>Debug: a check found the run already handled (a duplicate or retried check) and did nothing.</summary>
    public const int RunAlreadyHandled = 3007;

    /// <summary>Error: a run was created but its id could not be stored; the log is where its id is kept.</summary>
    public const int RunIdNotStored = 3008;
}
