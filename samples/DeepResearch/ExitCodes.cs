namespace DeepResearch;

/// <summary>The process exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>The answer was printed.</summary>
    public const int Success = 0;

    /// <summary>The API, the network or the job failed (a <c>PerplexityException</c>); the message is on stderr.</summary>
    public const int Failed = 1;

    /// <summary>Ctrl+C: 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;
}
