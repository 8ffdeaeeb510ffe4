using System.Collections.Generic;
using System.Threading;

namespace Perplexity.Async.Internal.Agent;

/// <summary>
/// The <see cref="IAgentEventSource"/> on the SDK's server-sent event streams:
/// <see cref="AgentClient.StreamAsync(AgentRequest, AgentStreamingOptions?, CancellationToken)"/> and
/// <see cref="AgentClient.ResumeStreamAsync(string, long?, AgentStreamingOptions?, CancellationToken)"/>, which resume
/// after a drop and fall back to polling when the replay window is over. The sequence numbers are the server's.
/// </summary>
internal sealed class StreamedAgentEventSource : IAgentEventSource
{
    private readonly AgentClient _agent;
    private readonly AgentStreamingOptions? _options;

    public StreamedAgentEventSource(AgentClient agent, PollingOptions? polling)
    {
        _agent = agent;
        _options = polling is null ? null : new AgentStreamingOptions { Polling = polling };
    }

    public IAsyncEnumerable<AgentStreamEvent> StreamAsync(AgentRequest request, CancellationToken cancellationToken) =>
        _agent.StreamAsync(request, _options, cancellationToken);

    public IAsyncEnumerable<AgentStreamEvent> ResumeAsync(string runId, long? startingAfter, CancellationToken cancellationToken) =>
        _agent.ResumeStreamAsync(runId, startingAfter, _options, cancellationToken);
}
