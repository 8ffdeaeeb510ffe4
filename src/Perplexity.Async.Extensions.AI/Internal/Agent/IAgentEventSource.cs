using System.Collections.Generic;
using System.Threading;

namespace Perplexity.Async.Internal.Agent;

/// <summary>
/// Where the Agent route's streaming gets its events: a run started for the stream, or one resumed after the event
/// with a given sequence number: the SDK's server-sent event stream (<see cref="StreamedAgentEventSource"/>). The seam
/// keeps how events become updates apart from where they come from (tests and a future transport plug in here).
/// </summary>
internal interface IAgentEventSource
{
    /// <summary>Creates a background run of <paramref name="request"/> and yields its events, ending after the terminal one.</summary>
    IAsyncEnumerable<AgentStreamEvent> StreamAsync(AgentRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Yields the events of run <paramref name="runId"/> after <paramref name="startingAfter"/> (from the start when
    /// null), ending after the terminal one.
    /// </summary>
    IAsyncEnumerable<AgentStreamEvent> ResumeAsync(string runId, long? startingAfter, CancellationToken cancellationToken);
}
