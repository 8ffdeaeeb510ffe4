using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>A tool the model may call (an item of <c>tools</c>; seen in the official SDKs' types).</summary>
public sealed record ChatTool
{
    /// <summary>The tool type; <c>function</c>, the only one the API knows, unless set.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "function";

    /// <summary>The function the model may call.</summary>
    [JsonPropertyName("function")]
    public required ChatToolFunction Function { get; init; }
}
