using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>The code a Python reasoning step ran, and its output.</summary>
public sealed record ExecutePythonStepDetails
{
    /// <summary>The Python source that ran.</summary>
    [JsonPropertyName("code")]
    public required string Code { get; init; }

    /// <summary>What the code printed or returned.</summary>
    [JsonPropertyName("result")]
    public required string Result { get; init; }
}
