using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Perplexity.Async.Benchmarks.Baseline;

public sealed class CompletionDto
{
    public string Id { get; set; } = string.Empty;

    public string Model { get; set; } = string.Empty;

    public long Created { get; set; }

    [JsonPropertyName("object")]
    public string? ObjectType { get; set; }

    public string? Type { get; set; }

    public string? Status { get; set; }

    public List<ChoiceDto> Choices { get; set; } = [];

    public List<string>? Citations { get; set; }

    public List<SearchResultDto>? SearchResults { get; set; }

    public List<ImageDto>? Images { get; set; }

    public List<string>? RelatedQuestions { get; set; }

    public UsageDto? Usage { get; set; }
}
