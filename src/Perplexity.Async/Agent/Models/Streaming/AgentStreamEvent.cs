using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>
/// One server-sent event of a streamed run (the JSON of one <c>data:</c> line), keyed by <see cref="Type"/>. The set
/// is closed: the lifecycle snapshots (<see cref="AgentResponseSnapshotEvent"/>: created, in progress, and the terminal
/// completed, incomplete, failed, cancelled), output items and text (<see cref="AgentOutputItemAddedEvent"/>,
/// <see cref="AgentOutputItemDoneEvent"/>, <see cref="AgentOutputTextDeltaEvent"/>, <see cref="AgentOutputTextDoneEvent"/>),
/// reasoning progress (<see cref="AgentReasoningStartedEvent"/>, <see cref="AgentReasoningStoppedEvent"/> and the
/// search, image-search and fetch events), <see cref="AgentSkillLoadedEvent"/>, the bare <see cref="AgentErrorEvent"/>,
/// and <see cref="AgentUnknownStreamEvent"/> for a type this version does not know (kept raw, safe to ignore).
/// </summary>
/// <remarks>
/// Exactly one terminal event (<see cref="IsTerminal"/>) ends a stream; a consumer that waits only for
/// <c>response.completed</c> hangs on a failed run. Parse one event with
/// <c>PerplexityJson.Deserialize&lt;AgentStreamEvent&gt;(data)</c>.
/// </remarks>
[JsonConverter(typeof(AgentStreamEventConverter))]
public abstract record AgentStreamEvent
{
    private long _sequenceNumber;

    private protected AgentStreamEvent()
    {
    }

    /// <summary>The event's <c>type</c> on the wire, for example <c>response.output_text.delta</c>.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public abstract string Type { get; }

    /// <summary>
    /// The event's position in the run's stream, increasing monotonically (0 when an event carries none). Remember the
    /// last one: a dropped background stream resumes after it (<c>starting_after</c>).
    /// </summary>
    [JsonPropertyName("sequence_number")]
    [JsonPropertyOrder(-1)]
    public long SequenceNumber
    {
        get => _sequenceNumber;
        init
        {
            _sequenceNumber = value;
            HasSequenceNumber = true;
        }
    }

    /// <summary>
    /// Whether the event carried a <c>sequence_number</c> (or was built with one): an event without one cannot be told
    /// apart from a replayed one, so a resumed stream neither de-duplicates it nor moves its cursor.
    /// </summary>
    [JsonIgnore]
    internal bool HasSequenceNumber { get; set; }

    /// <summary>
    /// <see langword="true"/> for the four events that end a run's stream: <c>response.completed</c>,
    /// <c>response.incomplete</c>, <c>response.failed</c> and <c>response.cancelled</c>. A bare <c>error</c> event is a
    /// transport failure, not a run state, and is not counted here.
    /// </summary>
    [JsonIgnore]
    public bool IsTerminal => this is AgentResponseCompletedEvent or AgentResponseIncompleteEvent
        or AgentResponseFailedEvent or AgentResponseCancelledEvent;

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
