using System;
using System.Text.Json;

namespace Perplexity.Async.Benchmarks.Payloads;

/// <summary>
/// Writes the Agent API benchmark payloads in the live wire format of shared/spec/agent-api/README.md §4 (the shapes of the
/// test fixtures), deterministically: the 32-key envelope in the service's alphabetical order, <c>null</c> where the
/// service sends null, <c>type</c> first in every output item, compact JSON with raw UTF-8.
/// </summary>
public static class AgentPayloadGenerator
{
    private const long CreatedAt = 1_791_572_935;
    private const int SearchCalls = 16;
    private const int ResultsPerSearch = 15;
    private const int FetchCalls = 8;
    private const int PagesPerFetch = 2;

    /// <summary>The run id each payload carries.</summary>
    public static string RunId(AgentPayloadKind kind) => kind switch
    {
        AgentPayloadKind.Queued => "resp_d60f3e03-57e0-4048-994f-69b29a6d2ce7",
        AgentPayloadKind.DeepResearch => "resp_7b1e9c44-0f2a-4d6e-8a51-3c9d2e7f1a08",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such payload."),
    };

    /// <summary>A background run just submitted.</summary>
    public static byte[] Queued() => PayloadGenerator.Write(writer =>
        WriteEnvelope(writer, AgentPayloadKind.Queued, "queued", "medium", completed: false, output: null, usage: null));

    /// <summary>A completed deep-research run: 16 searches of 15 results, 8 fetches of 2 pages, the answer and usage.</summary>
    public static byte[] DeepResearch()
    {
        var random = new PayloadGenerator.Lcg(300);
        return PayloadGenerator.Write(writer => WriteEnvelope(
            writer,
            AgentPayloadKind.DeepResearch,
            "completed",
            "openai/gpt-6-luna",
            completed: true,
            output: w => WriteOutput(w, random),
            usage: WriteUsage));
    }

    private static void WriteEnvelope(
        Utf8JsonWriter writer, AgentPayloadKind kind, string status, string model, bool completed, Action<Utf8JsonWriter>? output, Action<Utf8JsonWriter>? usage)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("background", true);
        if (completed)
        {
            writer.WriteNumber("completed_at", CreatedAt + 412);
        }
        else
        {
            writer.WriteNull("completed_at");
        }

        writer.WriteNumber("created_at", completed ? CreatedAt + 412 : CreatedAt);
        writer.WriteNull("error");
        writer.WriteNumber("frequency_penalty", 0);
        writer.WriteString("id", RunId(kind));
        writer.WriteNull("incomplete_details");
        writer.WriteNull("instructions");
        writer.WriteNull("max_output_tokens");
        writer.WriteNull("max_tool_calls");
        writer.WriteStartObject("metadata");
        writer.WriteEndObject();
        writer.WriteString("model", model);
        writer.WriteString("object", "response");
        writer.WriteStartArray("output");
        output?.Invoke(writer);
        writer.WriteEndArray();
        writer.WriteBoolean("parallel_tool_calls", true);
        writer.WriteNumber("presence_penalty", 0);
        writer.WriteNull("previous_response_id");
        writer.WriteNull("prompt_cache_key");
        writer.WriteStartObject("reasoning");
        writer.WriteString("effort", "high");
        writer.WriteNull("summary");
        writer.WriteEndObject();
        writer.WriteNull("safety_identifier");
        writer.WriteString("service_tier", "default");
        writer.WriteString("status", status);
        writer.WriteBoolean("store", true);
        writer.WriteNumber("temperature", 1);
        writer.WriteStartObject("text");
        writer.WriteStartObject("format");
        writer.WriteString("type", "text");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteString("tool_choice", "auto");
        writer.WriteStartArray("tools");
        if (completed)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "web_search");
            writer.WriteEndObject();
            writer.WriteStartObject();
            writer.WriteString("type", "fetch_url");
            writer.WriteNumber("max_urls", PagesPerFetch);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("top_logprobs", 0);
        writer.WriteNumber("top_p", 1);
        writer.WriteString("truncation", string.Empty);
        if (usage is null)
        {
            writer.WriteNull("usage");
        }
        else
        {
            writer.WritePropertyName("usage");
            usage(writer);
        }

        writer.WriteNull("user");
        writer.WriteEndObject();
    }

    private static void WriteOutput(Utf8JsonWriter writer, PayloadGenerator.Lcg random)
    {
        var result = 0;
        for (var call = 0; call < SearchCalls; call++)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "search_results");
            if (call % 5 == 4)
            {
                writer.WriteNull("queries"); // Seen on the wire.
            }
            else
            {
                writer.WriteStartArray("queries");
                writer.WriteStringValue(PayloadGenerator.Sentence(random, 6, citations: 0).TrimEnd('.'));
                writer.WriteStringValue(PayloadGenerator.Sentence(random, 5, citations: 0).TrimEnd('.'));
                writer.WriteEndArray();
            }

            writer.WriteStartArray("results");
            for (var i = 0; i < ResultsPerSearch; i++)
            {
                result++;
                writer.WriteStartObject();
                writer.WriteNumber("id", result);
                writer.WriteString("url", $"https://research.example.org/storage/{result}");
                writer.WriteString("title", $"Source {result}: " + PayloadGenerator.Sentence(random, 6, citations: 0).TrimEnd('.'));
                writer.WriteString("snippet", PayloadGenerator.Sentence(random, 30, citations: 0) + " " + PayloadGenerator.Sentence(random, 20, citations: 0));
                if (result % 3 != 0)
                {
                    writer.WriteString("date", $"2026-{1 + (result % 9):00}-{1 + (result % 28):00}");
                }

                writer.WriteString("last_updated", $"2026-10-{1 + (result % 8):00}");
                writer.WriteString("source", "web");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();

            if (call % 2 == 1 && call / 2 < FetchCalls)
            {
                writer.WriteStartObject();
                writer.WriteString("type", "fetch_url_results");
                writer.WriteStartArray("contents");
                for (var page = 0; page < PagesPerFetch; page++)
                {
                    writer.WriteStartObject();
                    writer.WriteString("url", $"https://research.example.org/storage/{result - page}");
                    writer.WriteString("title", PayloadGenerator.Sentence(random, 7, citations: 0).TrimEnd('.'));
                    writer.WriteString("snippet", PayloadGenerator.Paragraphs(random, paragraphs: 6, sentences: 6, citations: 0));
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }
        }

        writer.WriteStartObject();
        writer.WriteString("type", "message");
        writer.WriteString("id", "msg_5c0a3c1e-8f1b-4b7e-9a47-1d8d0c2f6b11");
        writer.WriteString("role", "assistant");
        writer.WriteString("status", "completed");
        writer.WriteStartArray("content");
        writer.WriteStartObject();
        writer.WriteString("type", "output_text");
        writer.WriteString("text", PayloadGenerator.Paragraphs(random, paragraphs: 14, sentences: 6, citations: result));
        writer.WriteStartArray("annotations");
        for (var i = 1; i <= 12; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "url_citation");
            writer.WriteString("url", $"https://research.example.org/storage/{i * 7}");
            writer.WriteString("title", $"Source {i * 7}");
            writer.WriteNumber("start_index", i * 400);
            writer.WriteNumber("end_index", (i * 400) + 120);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteUsage(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("input_tokens", 184_233);
        writer.WriteStartObject("input_tokens_details");
        writer.WriteNumber("cache_creation_input_tokens", 0);
        writer.WriteNumber("cache_read_input_tokens", 40_960);
        writer.WriteNumber("cached_tokens", 40_960);
        writer.WriteEndObject();
        writer.WriteNumber("output_tokens", 9_812);
        writer.WriteStartObject("output_tokens_details");
        writer.WriteNumber("reasoning_tokens", 6_144);
        writer.WriteEndObject();
        writer.WriteNumber("total_tokens", 194_045);
        writer.WriteStartObject("tool_calls_details");
        writer.WriteStartObject("search_web");
        writer.WriteNumber("invocation", SearchCalls);
        writer.WriteNumber("cost_usd", 0.04m);
        writer.WriteEndObject();
        writer.WriteStartObject("fetch_url");
        writer.WriteNumber("invocation", FetchCalls);
        writer.WriteNumber("cost_usd", 0.028m);
        writer.WriteStartArray("token_usage");
        for (var i = 0; i < FetchCalls; i++)
        {
            writer.WriteStartObject();
            writer.WriteNumber("input_tokens", 9_000 + i);
            writer.WriteStartObject("input_tokens_details");
            writer.WriteNumber("cached_tokens", 0);
            writer.WriteEndObject();
            writer.WriteString("model", "openai/gpt-5-mini");
            writer.WriteNumber("output_tokens", 400 + i);
            writer.WriteStartObject("output_tokens_details");
            writer.WriteNumber("reasoning_tokens", 0);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartObject("cost");
        writer.WriteString("currency", "USD");
        writer.WriteNumber("input_cost", 0.184233m);
        writer.WriteNumber("output_cost", 0.09812m);
        writer.WriteNumber("cache_read_cost", 1e-05m);
        writer.WriteNumber("tool_calls_cost", 0.068m);
        writer.WriteStartObject("tool_calls_cost_details");
        writer.WriteNumber("search_web", 0.04m);
        writer.WriteNumber("fetch_url", 0.028m);
        writer.WriteEndObject();
        writer.WriteNumber("total_cost", 0.350363m);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
