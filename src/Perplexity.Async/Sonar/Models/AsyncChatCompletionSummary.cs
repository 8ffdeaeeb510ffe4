using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>
/// One job as the list shows it: id, model, status and timestamps, without the completion (get the job by its
/// <see cref="Id"/> for that).
/// </summary>
public sealed record AsyncChatCompletionSummary
{
    /// <summary>The job's id: pass it to <c>GetAsync</c> or <c>WaitForCompletionAsync</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The model the job runs on.</summary>
    [JsonPropertyName("model")]
    public required string Model { get; init; }

    /// <summary>The job's processing status.</summary>
    [JsonPropertyName("status")]
    public required AsyncProcessingStatus Status { get; init; }

    /// <summary>When the job was created.</summary>
    [JsonPropertyName("created_at")]
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When processing started, once it has.</summary>
    [JsonPropertyName("started_at")]
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When processing completed, once it has.</summary>
    [JsonPropertyName("completed_at")]
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>When the job failed, if it did.</summary>
    [JsonPropertyName("failed_at")]
    public DateTimeOffset? FailedAt { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
