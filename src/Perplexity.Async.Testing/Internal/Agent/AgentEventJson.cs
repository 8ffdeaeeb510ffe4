using System.Linq;
using System.Text.Json;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>
/// Writes one stream event as single-line JSON: <c>type</c>, <c>sequence_number</c> (its index in the timeline),
/// then its payload (§7 of the reference). Snapshots inside events are the response as of that event.
/// </summary>
internal static class AgentEventJson
{
    public static byte[] Write(AgentRun run, int index) => AgentJson.Write(writer =>
    {
        var e = run.Timeline[index];
        writer.WriteStartObject();
        writer.WriteString("type", TypeOf(e.Kind));
        writer.WriteNumber("sequence_number", index);
        var item = e.Item >= 0 ? run.Content.Items[e.Item] : null;
        switch (e.Kind)
        {
            case AgentEventKind.Created or AgentEventKind.InProgress or AgentEventKind.Completed or AgentEventKind.Incomplete or AgentEventKind.Cancelled:
                Response(writer, run, index, includeUsage: run.Request.IncludeUsage);
                break;
            case AgentEventKind.Failed:
                writer.WritePropertyName("error");
                AgentJson.WriteRunError(writer, run, "failed");
                Response(writer, run, index, includeUsage: false);
                break;
            case AgentEventKind.ReasoningStarted:
                writer.WriteString("thought", "Planning how to research the question.");
                break;
            case AgentEventKind.ReasoningStopped:
                writer.WriteString("thought", "Enough sources gathered; writing the answer.");
                break;
            case AgentEventKind.SearchQueries:
                writer.WriteStartArray("queries");
                foreach (var query in item!.Queries)
                {
                    writer.WriteStringValue(query);
                }

                writer.WriteEndArray();
                writer.WriteString("thought", "Searching the web for " + item.Queries[0] + ".");
                break;
            case AgentEventKind.SearchResults:
                AgentJson.WriteSources(writer, "results", item!, withIds: true);
                break;
            case AgentEventKind.FetchQueries:
                writer.WriteStartArray("urls");
                foreach (var url in item!.Sources.Select(s => s.Url))
                {
                    writer.WriteStringValue(url);
                }

                writer.WriteEndArray();
                break;
            case AgentEventKind.FetchResults:
                AgentJson.WriteSources(writer, "contents", item!, withIds: false);
                break;
            case AgentEventKind.ItemAdded or AgentEventKind.ItemDone:
                writer.WriteNumber("output_index", e.Item);
                writer.WritePropertyName("item");
                AgentJson.WriteItem(writer, run, e.Item, finished: e.Kind == AgentEventKind.ItemDone, FinalStatus(run));
                break;
            case AgentEventKind.TextDelta:
                TextPosition(writer, item!, e.Item);
                writer.WriteString("delta", run.Content.Chunks[e.Chunk]);
                break;
            case AgentEventKind.TextDone:
                TextPosition(writer, item!, e.Item);
                writer.WriteString("text", run.Content.Text);
                break;
        }

        writer.WriteEndObject();
    });

    /// <summary>
    /// A bare <c>error</c> event (a failed stream, not a run state): <c>type</c>, <c>sequence_number</c>, then the error
    /// nested as in <c>response.failed</c> (<c>code</c> when given, <c>message</c>, <c>type</c>).
    /// </summary>
    public static byte[] WriteError(int sequenceNumber, string message, string type, string? code) => AgentJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("type", "error");
        writer.WriteNumber("sequence_number", sequenceNumber);
        writer.WriteStartObject("error");
        if (code is not null)
        {
            writer.WriteString("code", code);
        }

        writer.WriteString("message", message);
        writer.WriteString("type", type);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    public static string TypeOf(AgentEventKind kind) => kind switch
    {
        AgentEventKind.Created => "response.created",
        AgentEventKind.InProgress => "response.in_progress",
        AgentEventKind.ReasoningStarted => "response.reasoning.started",
        AgentEventKind.SearchQueries => "response.reasoning.search_queries",
        AgentEventKind.SearchResults => "response.reasoning.search_results",
        AgentEventKind.FetchQueries => "response.reasoning.fetch_url_queries",
        AgentEventKind.FetchResults => "response.reasoning.fetch_url_results",
        AgentEventKind.ItemAdded => "response.output_item.added",
        AgentEventKind.ItemDone => "response.output_item.done",
        AgentEventKind.TextDelta => "response.output_text.delta",
        AgentEventKind.TextDone => "response.output_text.done",
        AgentEventKind.ReasoningStopped => "response.reasoning.stopped",
        AgentEventKind.Completed => "response.completed",
        AgentEventKind.Incomplete => "response.incomplete",
        AgentEventKind.Failed => "response.failed",
        _ => "response.cancelled",
    };

    private static void Response(Utf8JsonWriter writer, AgentRun run, int index, bool includeUsage)
    {
        writer.WritePropertyName("response");
        AgentJson.WriteResponse(writer, run, index, run.Timeline[index].At, includeUsage);
    }

    private static void TextPosition(Utf8JsonWriter writer, RunOutputItem item, int outputIndex)
    {
        writer.WriteString("item_id", item.MessageId);
        writer.WriteNumber("output_index", outputIndex);
        writer.WriteNumber("content_index", 0);
    }

    /// <summary>The message's status once done: <c>incomplete</c> on an incomplete run, else <c>completed</c>.</summary>
    private static string FinalStatus(AgentRun run) => run.Terminal?.Kind == AgentEventKind.Incomplete ? "incomplete" : "completed";
}
