namespace Perplexity.Async.Benchmarks.Baseline;

public sealed class ImageDto
{
    public string ImageUrl { get; set; } = string.Empty;

    public string? OriginUrl { get; set; }

    public string? Title { get; set; }

    public int? Width { get; set; }

    public int? Height { get; set; }
}
