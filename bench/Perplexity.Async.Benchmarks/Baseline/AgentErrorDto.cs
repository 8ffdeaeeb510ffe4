using System.Text.Json;

namespace Perplexity.Async.Benchmarks.Baseline;

/// <summary>The run's error; <c>code</c> is a string or an integer, so a user keeps it as a JSON element.</summary>
public sealed class AgentErrorDto
{
    public JsonElement? Code { get; set; }

    public string? Message { get; set; }

    public string? Type { get; set; }

    public string? Param { get; set; }
}
