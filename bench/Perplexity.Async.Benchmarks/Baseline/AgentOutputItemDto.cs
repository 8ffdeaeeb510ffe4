using System.Collections.Generic;

namespace Perplexity.Async.Benchmarks.Baseline;

/// <summary>One output item, flattened: <see cref="Type"/> says which members are set (no polymorphism, no converter).</summary>
public sealed class AgentOutputItemDto
{
    public string Type { get; set; } = string.Empty;

    public string? Id { get; set; }

    public string? Role { get; set; }

    public string? Status { get; set; }

    public List<AgentContentPartDto>? Content { get; set; }

    public List<string>? Queries { get; set; }

    public List<AgentSearchResultDto>? Results { get; set; }

    public List<AgentUrlContentDto>? Contents { get; set; }

    public string? CallId { get; set; }

    public string? Name { get; set; }

    public string? Arguments { get; set; }
}
