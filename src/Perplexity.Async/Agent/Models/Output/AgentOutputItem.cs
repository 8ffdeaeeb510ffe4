using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>
/// One item of a run's <c>output</c>, keyed by <see cref="Type"/>. The set is closed:
/// <see cref="AgentMessageOutputItem"/> (the answer), the tool results <see cref="AgentSearchResultsOutputItem"/>,
/// <see cref="AgentPeopleSearchResultsOutputItem"/>, <see cref="AgentFetchUrlResultsOutputItem"/>,
/// <see cref="AgentImageSearchResultsOutputItem"/>, <see cref="AgentFinanceResultsOutputItem"/> and
/// <see cref="AgentSandboxResultsOutputItem"/>, a call to run client-side (<see cref="AgentFunctionCallOutputItem"/>),
/// the MCP items <see cref="AgentMcpListToolsOutputItem"/>, <see cref="AgentMcpCallOutputItem"/> and
/// <see cref="AgentToolSearchOutputItem"/>, the skill items <see cref="AgentSkillLoadedOutputItem"/> and
/// <see cref="AgentShareFileOutputItem"/>, and <see cref="AgentUnknownOutputItem"/> for a type this version of the SDK
/// does not know (its JSON is kept exactly as received).
/// </summary>
/// <example>
/// <code>
/// foreach (AgentOutputItem item in response.Output)
/// {
///     if (item is AgentSearchResultsOutputItem search) Console.WriteLine(search.Results.Count + " sources");
/// }
/// </code>
/// </example>
[JsonConverter(typeof(AgentOutputItemConverter))]
public abstract record AgentOutputItem
{
    private protected AgentOutputItem()
    {
    }

    /// <summary>The item's <c>type</c> on the wire, for example <c>message</c> or <c>search_results</c>.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public abstract string Type { get; }

    /// <summary>
    /// The item's id (<c>msg_…</c> for a message), when the item has one: messages, function calls and MCP items do,
    /// the search and fetch results do not.
    /// </summary>
    [JsonPropertyName("id")]
    [JsonPropertyOrder(-1)]
    public string? Id { get; init; }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
