using System.Text.Json.Serialization;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>
/// One part of an output message's content, keyed by <see cref="Type"/>: <see cref="AgentOutputTextPart"/>
/// (<c>output_text</c>, the only type documented today) or <see cref="AgentUnknownOutputContentPart"/> for a type this
/// version of the SDK does not know (its JSON is kept as received).
/// </summary>
[JsonConverter(typeof(AgentOutputContentPartConverter))]
public abstract record AgentOutputContentPart
{
    private protected AgentOutputContentPart()
    {
    }

    /// <summary>The part's <c>type</c> on the wire, for example <c>output_text</c>.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public abstract string Type { get; }
}
