namespace Perplexity.Async;

/// <summary>How <c>AgentClient.WatchAsync</c> follows a run.</summary>
public enum AgentWatchMode
{
    /// <summary>Polls <c>GET /v1/responses/{id}</c> with backoff and yields one state per status change.</summary>
    Poll = 0,

    /// <summary>
    /// Reads the run's event stream (<c>GET /v1/responses/{id}?stream=true</c>, resumed after a drop) and yields the run
    /// as built so far after each event: searches, sources and the answer as it is written, with no polling GET while the
    /// stream is healthy. A run whose stream cannot be replayed (not created with background and stream, or its replay
    /// window is over) is polled instead.
    /// </summary>
    Stream = 1,
}
