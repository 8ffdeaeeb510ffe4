namespace Perplexity.Async.Hangfire.Jobs;

/// <summary>
/// The names of the job parameters and locks a durable run keeps in Hangfire's storage. They are a stored contract:
/// jobs enqueued by one version are run by the next, so a name never changes.
/// </summary>
internal static class RunParameters
{
    /// <summary>On the creating job: where the create stands (<see cref="Sending"/>, <see cref="Refused"/>, <see cref="Unknown"/>).</summary>
    public const string Create = "Perplexity.Create";

    /// <summary>The create is being sent, or was and its answer was not stored: a retry must not send it again.</summary>
    public const string Sending = "sending";

    /// <summary>The API refused the create, or it never left: no run was started, so a retry may create.</summary>
    public const string Refused = "refused";

    /// <summary>The create may have started a run whose id is unknown: the job stops.</summary>
    public const string Unknown = "outcome-unknown";

    /// <summary>On the creating job: the run's id, written as soon as the create answers.</summary>
    public const string RunId = "Perplexity.RunId";

    /// <summary>On the creating job: the id of the first check job it scheduled.</summary>
    public const string FirstCheck = "Perplexity.FirstCheckJobId";

    /// <summary>On a check job: the id of the next check job it scheduled.</summary>
    public const string NextCheck = "Perplexity.NextCheckJobId";

    /// <summary>On the creating job: how many times the handler has been called for the run.</summary>
    public const string Handling = "Perplexity.HandlerAttempts";

    /// <summary>On the creating job: the id of the check job whose handler call returned; the run is handled.</summary>
    public const string Handled = "Perplexity.HandledBy";

    /// <summary>The lock around reading and writing <see cref="Create"/>.</summary>
    public static string CreateLock(string startJobId) => "perplexity:create:" + startJobId;

    /// <summary>The lock a check holds while it hands the run to the handler.</summary>
    public static string HandlingLock(string runId) => "perplexity:run:" + runId;
}
