using System.Text.Json.Serialization;

namespace Perplexity.Async;

/// <summary>Code execution in an isolated container (<c>"type": "sandbox"</c>). Selecting a skill enables it too.</summary>
public sealed record AgentSandboxTool : AgentTool
{
    /// <summary>The wire type of this tool.</summary>
    public const string WireType = "sandbox";

    /// <inheritdoc/>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public override string Type => WireType;
}
