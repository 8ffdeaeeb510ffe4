namespace DeepResearch;

/// <summary>How the live status is shown while the job runs.</summary>
internal enum StatusStyle
{
    /// <summary>One line redrawn in place with a spinner: for a terminal.</summary>
    Spinner,

    /// <summary>A plain line per status change, and a reminder now and then: for logs and pipes.</summary>
    Lines,
}
