using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>
/// A bare <c>error</c> event: the stream itself failed (a transport failure, not a run state). A consumer should stop
/// reading and treat it as an error; the run may still be fetched by id.
/// </summary>
/// <remarks>
/// Its shape is not documented. Both plausible forms are read: nested (<c>{"type": "error", "error": {...}}</c>, into
/// <see cref="Error"/>) and flat in the OpenAI style (<c>{"type": "error", "code", "message", "param"}</c>, into
/// <see cref="Code"/>, <see cref="Message"/> and <see cref="Param"/>); <see cref="ErrorMessage"/> gives the message of
/// either.
/// </remarks>
public sealed record AgentErrorEvent : AgentStreamEvent
{
    /// <summary>The wire type of this event.</summary>
    public const string WireType = "error";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public override string Type => WireType;

    /// <summary>The error, when the event nests it (<c>"error": {...}</c>).</summary>
    [JsonPropertyName("error")]
    public AgentError? Error { get; init; }

    /// <summary>The error code, when the event is flat.</summary>
    [JsonPropertyName("code")]
    public StringOrInteger? Code { get; init; }

    /// <summary>The message, when the event is flat.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>The request field concerned, when the event is flat.</summary>
    [JsonPropertyName("param")]
    public string? Param { get; init; }

    /// <summary>The message of either form: <see cref="Error"/>'s, else <see cref="Message"/>.</summary>
    [JsonIgnore]
    public string? ErrorMessage => Error?.Message ?? Message;
}
