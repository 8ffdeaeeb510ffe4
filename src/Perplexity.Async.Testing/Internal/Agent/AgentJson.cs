using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>
/// Writes the Agent API's JSON by hand: the 32-key response envelope in alphabetical order (as observed live), its
/// output items and usage, error envelopes and the cancel acknowledgement.
/// </summary>
internal static class AgentJson
{
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.ToArray();
    }

    public static byte[] Error(RunError error) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteString("message", error.Message);
        writer.WriteString("type", error.Type);
        writer.WriteNumber("code", (int)error.Status);
        if (error.Param is not null)
        {
            writer.WriteString("param", error.Param);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    public static byte[] CancelAcknowledged(string id) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("response_id", id);
        writer.WriteString("status", "cancelling");
        writer.WriteEndObject();
    });

    public static byte[] Response(AgentRun run, int upto, DateTimeOffset stamp) => Write(writer => WriteResponse(writer, run, upto, stamp, includeUsage: true));

    /// <summary>The response as it was after event <paramref name="upto"/>, stamped <paramref name="stamp"/> (the live API re-stamps <c>created_at</c> on every read).</summary>
    public static void WriteResponse(Utf8JsonWriter writer, AgentRun run, int upto, DateTimeOffset stamp, bool includeUsage)
    {
        var request = run.Request;
        var status = run.StatusAt(upto);
        var resolved = status is "completed" or "incomplete";
        writer.WriteStartObject();
        writer.WriteBoolean("background", request.Background);
        WriteSeconds(writer, "completed_at", status == "completed" ? stamp : null);
        writer.WriteNumber("created_at", stamp.ToUnixTimeSeconds());
        writer.WritePropertyName("error");
        WriteRunError(writer, run, status);
        writer.WriteNumber("frequency_penalty", 0);
        writer.WriteString("id", run.Id);
        writer.WritePropertyName("incomplete_details");
        if (status is "incomplete" or "cancelled")
        {
            writer.WriteStartObject();
            writer.WriteString("reason", status == "cancelled" ? "cancelled" : "max_output_tokens");
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNullValue();
        }

        Raw(writer, "instructions", request.InstructionsJson, "null");
        Raw(writer, "max_output_tokens", request.MaxOutputTokensJson, "null");
        Raw(writer, "max_tool_calls", request.MaxToolCallsJson, "null");
        Raw(writer, "metadata", request.MetadataJson, "{}");
        writer.WriteString("model", resolved ? request.ResolvedModel : request.DisplayModel);
        writer.WriteString("object", "response");
        writer.WriteStartArray("output");
        foreach (var item in run.FinishedItems(upto))
        {
            WriteItem(writer, run, item, finished: true, status);
        }

        writer.WriteEndArray();
        Raw(writer, "parallel_tool_calls", request.ParallelToolCallsJson, "true");
        writer.WriteNumber("presence_penalty", 0);
        writer.WriteNull("previous_response_id");
        Raw(writer, "prompt_cache_key", request.PromptCacheKeyJson, "null");
        writer.WritePropertyName("reasoning");
        if (request.ReasoningEffortJson is { } effort)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("effort");
            writer.WriteRawValue(effort);
            writer.WriteNull("summary");
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteNull("safety_identifier");
        Raw(writer, "service_tier", request.ServiceTierJson, "\"" + (request.Preset?.ServiceTier ?? "default") + "\"");
        writer.WriteString("status", status);
        writer.WriteBoolean("store", request.Store);
        Raw(writer, "temperature", request.TemperatureJson, "1");
        writer.WriteStartObject("text");
        writer.WriteStartObject("format");
        writer.WriteString("type", "text");
        writer.WriteEndObject();
        writer.WriteEndObject();
        Raw(writer, "tool_choice", request.ToolChoiceJson, "\"auto\"");
        writer.WriteStartArray("tools");
        foreach (var tool in status == "queued" ? Enumerable.Empty<string>() : run.Content.ToolsJson)
        {
            writer.WriteRawValue(tool);
        }

        writer.WriteEndArray();
        writer.WriteNumber("top_logprobs", 0);
        Raw(writer, "top_p", request.TopPJson, "1");
        Raw(writer, "truncation", request.TruncationJson, "\"\"");
        writer.WritePropertyName("usage");
        if (resolved && includeUsage)
        {
            AgentUsageJson.Write(writer, run.Content.Usage);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteNull("user");
        writer.WriteEndObject();
    }

    /// <summary>An output item; a message not yet <paramref name="finished"/> is empty and <c>in_progress</c>.</summary>
    public static void WriteItem(Utf8JsonWriter writer, AgentRun run, int index, bool finished, string status)
    {
        var item = run.Content.Items[index];
        writer.WriteStartObject();
        switch (item.Kind)
        {
            case AgentItemKind.SearchResults:
                writer.WriteString("type", "search_results");
                writer.WriteStartArray("queries");
                foreach (var query in item.Queries)
                {
                    writer.WriteStringValue(query);
                }

                writer.WriteEndArray();
                WriteSources(writer, "results", item, withIds: true);
                break;
            case AgentItemKind.FetchUrlResults:
                writer.WriteString("type", "fetch_url_results");
                WriteSources(writer, "contents", item, withIds: false);
                break;
            case AgentItemKind.FunctionCall:
                writer.WriteString("type", "function_call");
                writer.WriteString("id", item.MessageId);
                writer.WriteString("call_id", item.CallId);
                writer.WriteString("name", item.FunctionName);
                writer.WriteString("arguments", item.Arguments);
                writer.WriteString("status", "completed");
                break;
            default:
                writer.WriteString("type", "message");
                writer.WriteString("id", item.MessageId);
                writer.WriteString("role", "assistant");
                writer.WriteString("status", !finished ? "in_progress" : status == "incomplete" ? "incomplete" : "completed");
                writer.WriteStartArray("content");
                if (finished)
                {
                    writer.WriteStartObject();
                    writer.WriteString("type", "output_text");
                    writer.WriteString("text", run.Content.Text);
                    writer.WriteStartArray("annotations");
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                break;
        }

        writer.WriteEndObject();
    }

    public static void WriteSources(Utf8JsonWriter writer, string name, RunOutputItem item, bool withIds)
    {
        writer.WriteStartArray(name);
        foreach (var source in item.Sources)
        {
            writer.WriteStartObject();
            if (withIds)
            {
                writer.WriteNumber("id", source.Id);
            }

            writer.WriteString("url", source.Url);
            writer.WriteString("title", source.Title);
            writer.WriteString("snippet", source.Snippet);
            if (withIds)
            {
                writer.WriteString("date", source.Date);
                writer.WriteString("last_updated", source.LastUpdated);
                writer.WriteString("source", "web");
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>The run's <c>error</c>: the scripted one when failed, the all-"cancelled" one when cancelled, else null.</summary>
    public static void WriteRunError(Utf8JsonWriter writer, AgentRun run, string status)
    {
        if (status is not ("failed" or "cancelled"))
        {
            writer.WriteNullValue();
            return;
        }

        var cancelled = status == "cancelled";
        writer.WriteStartObject();
        writer.WriteString("code", cancelled ? "cancelled" : run.Script.ErrorCode);
        writer.WriteString("message", cancelled ? "cancelled" : run.Script.ErrorMessage);
        writer.WriteString("type", cancelled ? "cancelled" : run.Script.ErrorType);
        writer.WriteEndObject();
    }

    private static void Raw(Utf8JsonWriter writer, string name, string? json, string fallback)
    {
        writer.WritePropertyName(name);
        writer.WriteRawValue(json ?? fallback);
    }

    private static void WriteSeconds(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            writer.WriteNumber(name, time.ToUnixTimeSeconds());
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
