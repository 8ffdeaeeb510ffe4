using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// The envelope of an asynchronous chat-completion job, as returned by create, get and wait on both routes.
/// </summary>
/// <remarks>
/// <see cref="Response"/> is <see langword="null"/> until <see cref="Status"/> is
/// <see cref="AsyncProcessingStatus.Completed"/>; <see cref="ErrorMessage"/> and <see cref="FailedAt"/> are set when it is
/// <see cref="AsyncProcessingStatus.Failed"/>. Timestamps are Unix seconds on the wire; call
/// <see cref="DateTimeOffset.ToUnixTimeSeconds"/> for the raw value.
/// </remarks>
public sealed record AsyncApiChatCompletionsResponse
{
    /// <summary>The job's id: pass it to <c>GetAsync</c> or <c>WaitForCompletionAsync</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The model the job runs on, for example <c>sonar-deep-research</c>.</summary>
    [JsonPropertyName("model")]
    [JsonConverter(typeof(SonarModelNameConverter))]
    public required string Model { get; init; }

    /// <summary>When the job was created.</summary>
    [JsonPropertyName("created_at")]
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The job's processing status.</summary>
    [JsonPropertyName("status")]
    public required AsyncProcessingStatus Status { get; init; }

    /// <summary>When processing started, once it has.</summary>
    [JsonPropertyName("started_at")]
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When processing completed, once it has.</summary>
    [JsonPropertyName("completed_at")]
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The completion; <see langword="null"/> until the job is completed.</summary>
    [JsonPropertyName("response")]
    public CompletionResponse? Response { get; init; }

    /// <summary>When the job failed, if it did.</summary>
    [JsonPropertyName("failed_at")]
    public DateTimeOffset? FailedAt { get; init; }

    /// <summary>Why the job failed, if it did.</summary>
    [JsonPropertyName("error_message")]
    public string? ErrorMessage { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
