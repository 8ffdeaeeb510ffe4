using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>One execution inside a nested-shape <see cref="AgentSandboxResultsOutputItem"/>.</summary>
public sealed record AgentSandboxRun
{
    /// <summary>Standard output.</summary>
    [JsonPropertyName("stdout")]
    public string? Stdout { get; init; }

    /// <summary>Standard error.</summary>
    [JsonPropertyName("stderr")]
    public string? Stderr { get; init; }

    /// <summary>The process exit code; non-zero means a runtime error.</summary>
    [JsonPropertyName("exit_code")]
    public int? ExitCode { get; init; }

    /// <summary>The wall-clock duration, in milliseconds.</summary>
    [JsonPropertyName("duration_ms")]
    public long? DurationMs { get; init; }

    /// <summary>The execution status, for example <c>completed</c>, <c>timed_out</c> or <c>failed</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
