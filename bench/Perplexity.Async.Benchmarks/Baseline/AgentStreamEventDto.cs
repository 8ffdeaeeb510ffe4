using System.Collections.Generic;

namespace Perplexity.Async.Benchmarks.Baseline;

/// <summary>
/// A stream event as a careful user would model it by hand: one flat class with the members of every event type they
/// read (type, sequence number, text, the snapshot, the item, the searches), the rest skipped by the serializer.
/// </summary>
public sealed class AgentStreamEventDto
{
    public string Type { get; set; } = string.Empty;

    public long? SequenceNumber { get; set; }

    public string? ItemId { get; set; }

    public int? OutputIndex { get; set; }

    public int? ContentIndex { get; set; }

    public string? Delta { get; set; }

    public string? Text { get; set; }

    public AgentResponseDto? Response { get; set; }

    public AgentOutputItemDto? Item { get; set; }

    public List<string>? Queries { get; set; }

    public List<AgentSearchResultDto>? Results { get; set; }

    public AgentErrorDto? Error { get; set; }
}
