namespace Perplexity.Async.Benchmarks.Baseline;

/// <summary>One content chunk, flattened: <see cref="Type"/> says which of the URLs is set.</summary>
public sealed class ContentPartDto
{
    public string Type { get; set; } = string.Empty;

    public string? Text { get; set; }

    public UrlDto? ImageUrl { get; set; }

    public UrlDto? FileUrl { get; set; }

    public string? FileName { get; set; }

    public UrlDto? PdfUrl { get; set; }

    public UrlDto? VideoUrl { get; set; }
}
