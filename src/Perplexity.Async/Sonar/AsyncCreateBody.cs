using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>The body of a create call: <c>{"request": {...}, "idempotency_key": "..."}</c>.</summary>
internal sealed record AsyncCreateBody
{
    [JsonPropertyName("request")]
    public required ChatCompletionRequest Request { get; init; }

    /// <summary>The API's only duplicate guard: a retried create with the same key does not start a second job.</summary>
    [JsonPropertyName("idempotency_key")]
    public required string IdempotencyKey { get; init; }
}
