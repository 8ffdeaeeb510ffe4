using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>
/// The Agent API's HTTP error body, <c>{"error": {"message", "type", "code", "param"?}}</c>, with an integer
/// <c>code</c> equal to the HTTP status. A body of another shape (an HTML page from the edge) does not bind to it.
/// </summary>
internal sealed record AgentErrorEnvelope
{
    [JsonPropertyName("error")]
    public required AgentError Error { get; init; }

    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
