using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Perplexity.Async.Benchmarks.Baseline;

/// <summary>
/// An Agent API run as a careful user would model it by hand: the members they read (the documented ones and the
/// status details), plain properties, strings for enums, <c>long</c> for Unix timestamps; the other echoed members of
/// the envelope are skipped by the serializer.
/// </summary>
public sealed class AgentResponseDto
{
    public string Id { get; set; } = string.Empty;

    [JsonPropertyName("object")]
    public string? ObjectType { get; set; }

    public long CreatedAt { get; set; }

    public long? CompletedAt { get; set; }

    public string Status { get; set; } = string.Empty;

    public string Model { get; set; } = string.Empty;

    public List<AgentOutputItemDto>? Output { get; set; }

    public AgentErrorDto? Error { get; set; }

    public AgentIncompleteDetailsDto? IncompleteDetails { get; set; }

    public AgentUsageDto? Usage { get; set; }
}
