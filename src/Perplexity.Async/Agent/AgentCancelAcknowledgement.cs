using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>
/// The 200 body of <c>POST /v1/agent/{id}/cancel</c>: <c>{"response_id": "resp_…", "status": "cancelling"}</c>. The stop
/// is asynchronous; the run's own status only turns <c>cancelled</c> later, so callers read the run again.
/// </summary>
internal sealed record AgentCancelAcknowledgement
{
    [JsonPropertyName("response_id")]
    public required string ResponseId { get; init; }

    /// <summary><c>cancelling</c>; not a run status, which is why this is a plain string.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
