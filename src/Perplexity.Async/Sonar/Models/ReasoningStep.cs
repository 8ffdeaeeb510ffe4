using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>One step of a reasoning model's work: a thought, and what it did (search, fetch, run code).</summary>
public sealed record ReasoningStep
{
    /// <summary>The model's thought at this step.</summary>
    [JsonPropertyName("thought")]
    public required string Thought { get; init; }

    /// <summary>The step kind as the API names it, for example <c>web_search</c>; an open string.</summary>
    [JsonPropertyName("type")]
    [JsonConverter(typeof(ReasoningStepTypeConverter))]
    public string? Type { get; init; }

    /// <summary>The web search made at this step, if any.</summary>
    [JsonPropertyName("web_search")]
    public WebSearchStepDetails? WebSearch { get; init; }

    /// <summary>The pages fetched at this step, if any.</summary>
    [JsonPropertyName("fetch_url_content")]
    public FetchUrlContentStepDetails? FetchUrlContent { get; init; }

    /// <summary>The Python code run at this step, if any.</summary>
    [JsonPropertyName("execute_python")]
    public ExecutePythonStepDetails? ExecutePython { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
