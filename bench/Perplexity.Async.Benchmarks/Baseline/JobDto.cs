namespace Perplexity.Async.Benchmarks.Baseline;

/// <summary>The job envelope as a careful user would model it by hand: plain properties, strings for enums.</summary>
public sealed class JobDto
{
    public string Id { get; set; } = string.Empty;

    public string Model { get; set; } = string.Empty;

    public long CreatedAt { get; set; }

    public string Status { get; set; } = string.Empty;

    public long? StartedAt { get; set; }

    public long? CompletedAt { get; set; }

    public CompletionDto? Response { get; set; }

    public long? FailedAt { get; set; }

    public string? ErrorMessage { get; set; }
}
