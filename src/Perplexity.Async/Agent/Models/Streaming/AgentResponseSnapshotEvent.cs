using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>
/// A lifecycle event that carries a snapshot of the run: <see cref="AgentResponseCreatedEvent"/>,
/// <see cref="AgentResponseInProgressEvent"/>, and the terminal <see cref="AgentResponseCompletedEvent"/>,
/// <see cref="AgentResponseIncompleteEvent"/>, <see cref="AgentResponseFailedEvent"/> and
/// <see cref="AgentResponseCancelledEvent"/>.
/// </summary>
public abstract record AgentResponseSnapshotEvent : AgentStreamEvent
{
    private protected AgentResponseSnapshotEvent()
    {
    }

    /// <summary>
    /// The run as of this event (a terminal event's carries the output and, unless <c>stream_options.include_usage</c> is
    /// false, the usage); <see langword="null"/> when the event has none (the schema does not promise one).
    /// </summary>
    [JsonPropertyName("response")]
    public AgentResponse? Response { get; init; }
}
