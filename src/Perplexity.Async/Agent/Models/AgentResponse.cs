using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>
/// An Agent API run (the Response object): returned by create, by every GET of a background run and in the
/// snapshots of stream events. Branch on <see cref="Status"/>: a failed or cancelled run arrives with HTTP 200.
/// </summary>
/// <remarks>
/// <para>
/// The live service sends the whole OpenAI Responses envelope, always the same 32 keys, most of them undocumented:
/// every one is a property here, the undocumented ones nullable, and anything else lands in
/// <see cref="AdditionalProperties"/>. <see cref="PerplexityJson"/> writes the envelope back with all 32 keys, as the
/// service does (null where a value is unset, in the service's alphabetical order), so a stored response reads and
/// compares like a live one.
/// </para>
/// <para>
/// Echoed request settings are typed where their shape is known (<see cref="Reasoning"/>, <see cref="ToolChoice"/>,
/// <see cref="Metadata"/>); <see cref="Tools"/> and <see cref="Text"/> stay raw JSON: the echoed tool list is the
/// <em>resolved</em> one (preset tools included, in forms the request model need not know), and <c>text</c> is an
/// OpenAI format echo that does not reflect the request (it says <c>text</c> for a JSON-schema run). Raw JSON cannot
/// fail to read, so an unexpected echo never makes a poll fail.
/// </para>
/// <para>
/// The JSON form is written by hand (every poll reads it; see <c>Serialization/Agent/AgentResponseConverter</c>); the
/// <see cref="JsonPropertyNameAttribute"/> on each member names its key.
/// </para>
/// </remarks>
[JsonConverter(typeof(AgentResponseConverter))]
public sealed partial record AgentResponse
{
    private const string DefaultObjectType = "response";

    private readonly IReadOnlyList<AgentOutputItem> _output = Array.Empty<AgentOutputItem>();
    private readonly string _object = DefaultObjectType;

    /// <summary>The run's id, <c>resp_…</c>: pass it to GET, cancel and resume.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The object type: <c>response</c>.</summary>
    [JsonPropertyName("object")]
    public required string ObjectType
    {
        get => _object;
        init => _object = value ?? DefaultObjectType;
    }

    /// <summary>
    /// When this snapshot was made. The live service re-stamps it on every GET, so it is not the run's start time:
    /// keep your own clock for that.
    /// </summary>
    [JsonPropertyName("created_at")]
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The run's status; <see cref="AgentResponseStatus.IsTerminal"/> says whether it will change again.</summary>
    [JsonPropertyName("status")]
    public required AgentResponseStatus Status { get; init; }

    /// <summary>
    /// The model that answered, as <c>provider/model</c>. While the run is queued or in progress, and when it was
    /// cancelled, the live service reports the <em>preset name</em> here instead (<c>medium</c>, <c>fast</c>); only a
    /// completed or incomplete run carries the resolved model.
    /// </summary>
    [JsonPropertyName("model")]
    public required string Model { get; init; }

    /// <summary>
    /// The output items, in order: tool results, then the answer message. A run in progress may already show partial
    /// output (search and fetch results, no message yet). A JSON <c>null</c> reads as empty.
    /// </summary>
    [JsonPropertyName("output")]
    [AllowNull]
    public required IReadOnlyList<AgentOutputItem> Output
    {
        get => _output;
        init => _output = value ?? Array.Empty<AgentOutputItem>();
    }

    /// <summary>What went wrong: set on failed and cancelled runs (<c>code</c> <c>"cancelled"</c> for the latter).</summary>
    [JsonPropertyName("error")]
    public AgentError? Error { get; init; }

    /// <summary>Tokens and cost; <see langword="null"/> while the run is queued or in progress and on cancelled runs.</summary>
    [JsonPropertyName("usage")]
    public AgentUsage? Usage { get; init; }

    /// <summary>
    /// The answer: the <c>output_text</c> parts of every message item, joined in order; empty when there is no message
    /// (yet). Computed on each access, not part of the JSON.
    /// </summary>
    [JsonIgnore]
    public string OutputText
    {
        get
        {
            string? single = null;
            System.Text.StringBuilder? builder = null;
            foreach (var item in _output)
            {
                if (item is AgentMessageOutputItem message)
                {
                    var text = message.Text;
                    if (single is null)
                    {
                        single = text;
                    }
                    else
                    {
                        (builder ??= new System.Text.StringBuilder(single)).Append(text);
                    }
                }
            }

            return builder?.ToString() ?? single ?? string.Empty;
        }
    }

    /// <summary>
    /// The run's sources: every entry of its <c>search_results</c> and <c>people_search_results</c> items, in output
    /// order. This, not the message's annotations, is where citations come from. Computed on each access, not part of
    /// the JSON.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<AgentSearchResult> SearchResults
    {
        get
        {
            var results = new List<AgentSearchResult>();
            foreach (var item in _output)
            {
                switch (item)
                {
                    case AgentSearchResultsOutputItem search:
                        results.AddRange(search.Results);
                        break;
                    case AgentPeopleSearchResultsOutputItem people:
                        results.AddRange(people.Results);
                        break;
                }
            }

            return results;
        }
    }

    /// <summary>
    /// The calls of the request's <c>function</c> tools the caller should run, in output order; empty when there are
    /// none. Computed on each access, not part of the JSON.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<AgentFunctionCallOutputItem> FunctionCalls
    {
        get
        {
            var calls = new List<AgentFunctionCallOutputItem>();
            foreach (var item in _output)
            {
                if (item is AgentFunctionCallOutputItem call)
                {
                    calls.Add(call);
                }
            }

            return calls;
        }
    }

    /// <summary>Properties the API sent that this version of the SDK does not know; kept so nothing is lost.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
