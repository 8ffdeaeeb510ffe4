using System.Collections.Generic;
using System.Text.Json;
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

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
