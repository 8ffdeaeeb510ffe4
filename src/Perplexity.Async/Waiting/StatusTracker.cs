using System;

namespace Perplexity.Async.Waiting;

/// <summary>
/// The one progress de-duplication: remembers the status last reported for a job, so the first state seen and then
/// each status change (compared ignoring case, as the extensible statuses compare) is reported once.
/// </summary>
internal struct StatusTracker
{
    /// <summary>The status last reported; null before the first report.</summary>
    public string? Reported { get; private set; }

    /// <summary>Whether <paramref name="status"/> differs from the last one reported; if so it becomes the last one.</summary>
    public bool Changed(string status)
    {
        if (Reported is not null && string.Equals(Reported, status, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Reported = status;
        return true;
    }
}
