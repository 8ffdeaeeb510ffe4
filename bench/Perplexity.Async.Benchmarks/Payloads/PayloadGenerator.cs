using System;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Perplexity.Async.Benchmarks.Payloads;

/// <summary>
/// Writes the benchmark payloads in the wire format of /work/shared/spec (the shapes of the test fixtures),
/// deterministically: the same bytes on every run and machine, so results compare across runs. Like the API
/// (FastAPI), it writes compact JSON with raw UTF-8, and <c>null</c> for optional fields it has no value for.
/// </summary>
public static class PayloadGenerator
{
    private const long CreatedAt = 1_763_870_400;

    private static readonly string[] Words =
    [
        "grid", "storage", "battery", "lithium", "iron", "phosphate", "sodium-ion", "capacity", "utility", "scale",
        "cost", "fell", "rose", "year", "over", "pack", "price", "per", "kilowatt-hour", "analysts", "report",
        "market", "deployment", "cells", "chemistry", "manufacturing", "supply", "chain", "demand", "the", "a",
        "of", "and", "in", "while", "with", "for", "to", "by", "from", "pilots", "projects", "regional", "policy",
        "incentives", "tariffs", "China", "Europe", "United States", "2025", "17%", "€95/kWh", "–", "≈", "naïve",
        "modules", "inverters", "duration", "four-hour", "peak", "shaving", "\"quoted\"", "study", "survey",
    ];

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>The id each payload's envelope carries.</summary>
    public static string RequestId(PayloadKind kind) => kind switch
    {
        PayloadKind.Created => "req_01JD4Q8Z3Y7M0K5N2P6R9T1V4W",
        PayloadKind.Sonar => "req_01JD4QA1SONAR0000000000010",
        PayloadKind.DeepResearch => "req_01JD4QB7DEEPRESEARCH000200",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such payload."),
    };

    /// <summary>A job just created: <c>response</c> is null.</summary>
    public static byte[] Created() => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("id", RequestId(PayloadKind.Created));
        writer.WriteString("model", "sonar-deep-research");
        writer.WriteNumber("created_at", CreatedAt);
        writer.WriteString("status", "CREATED");
        writer.WriteNull("started_at");
        writer.WriteNull("completed_at");
        writer.WriteNull("response");
        writer.WriteNull("failed_at");
        writer.WriteNull("error_message");
        writer.WriteEndObject();
    });

    /// <summary>A completed sonar-route job of about 10 KB.</summary>
    public static byte[] Sonar()
    {
        var random = new Lcg(10);
        return Write(writer =>
        {
            WriteEnvelopeStart(writer, PayloadKind.Sonar, "sonar-pro", completedAfter: 33);
            writer.WriteStartObject("response");
            writer.WriteString("id", "cmpl_01JD4QA1SONAR0000000000010");
            writer.WriteString("model", "sonar-pro");
            writer.WriteNumber("created", CreatedAt + 33);
            writer.WriteString("object", "chat.completion");
            writer.WriteStartArray("choices");
            writer.WriteStartObject();
            writer.WriteNumber("index", 0);
            writer.WriteString("finish_reason", "stop");
            writer.WriteStartObject("message");
            writer.WriteString("role", "assistant");
            writer.WriteString("content", Paragraphs(random, paragraphs: 6, sentences: 5, citations: 8));
            writer.WriteEndObject();
            writer.WriteStartObject("delta");
            writer.WriteString("role", "assistant");
            writer.WriteString("content", string.Empty);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            WriteCitations(writer, 8);
            writer.WriteStartArray("search_results");
            for (var i = 1; i <= 8; i++)
            {
                WriteSearchResult(writer, random, i);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("images");
            for (var i = 1; i <= 4; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("image_url", $"https://images.example.com/storage/{i}.jpg");
                writer.WriteString("origin_url", $"https://research.example.org/storage/{i}");
                writer.WriteString("title", Sentence(random, 6, citations: 0).TrimEnd('.'));
                writer.WriteNumber("width", 1920);
                writer.WriteNumber("height", 1080);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("related_questions");
            for (var i = 0; i < 5; i++)
            {
                writer.WriteStringValue(Sentence(random, 9, citations: 0).TrimEnd('.') + "?");
            }

            writer.WriteEndArray();
            WriteUsage(writer, reasoning: false);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    /// <summary>A completed deep-research job on the legacy route, over 200 KB.</summary>
    public static byte[] DeepResearch()
    {
        var random = new Lcg(200);
        var result = 0;
        return Write(writer =>
        {
            WriteEnvelopeStart(writer, PayloadKind.DeepResearch, "sonar-deep-research", completedAfter: 251);
            writer.WriteStartObject("response");
            writer.WriteString("id", "cmpl_01JD4QB7DEEPRESEARCH000200");
            writer.WriteString("model", "sonar-deep-research");
            writer.WriteNumber("created", CreatedAt + 251);
            writer.WriteString("object", "chat.completion");
            writer.WriteString("type", "message");
            writer.WriteString("status", "COMPLETED");
            writer.WriteStartArray("choices");
            writer.WriteStartObject();
            writer.WriteNumber("index", 0);
            writer.WriteString("finish_reason", "stop");
            writer.WriteStartObject("message");
            writer.WriteString("role", "assistant");

            // Chunked content: the report in text chunks, with charts and a source document between them.
            writer.WriteStartArray("content");
            for (var i = 0; i < 40; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("type", "text");
                writer.WriteString("text", Paragraphs(random, paragraphs: 1, sentences: 8, citations: 60));
                writer.WriteEndObject();
                if (i % 10 == 9)
                {
                    writer.WriteStartObject();
                    writer.WriteString("type", "image_url");
                    writer.WriteStartObject("image_url");
                    writer.WriteString("url", $"https://charts.example.org/storage/figure-{i / 10}.png");
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }
            }

            writer.WriteStartObject();
            writer.WriteString("type", "pdf_url");
            writer.WriteString("pdf_url", "https://research.example.org/storage/full-report.pdf");
            writer.WriteEndObject();
            writer.WriteEndArray();

            // Every kind of reasoning step, in the order a research run takes them.
            writer.WriteStartArray("reasoning_steps");
            for (var step = 0; step < 120; step++)
            {
                writer.WriteStartObject();
                writer.WriteString("thought", Sentence(random, 18, citations: 0));
                switch (step % 4)
                {
                    case 0:
                        writer.WriteString("type", "web_search");
                        writer.WriteStartObject("web_search");
                        writer.WriteStartArray("search_results");
                        for (var i = 0; i < 5; i++)
                        {
                            WriteSearchResult(writer, random, ++result);
                        }

                        writer.WriteEndArray();
                        writer.WriteStartArray("search_keywords");
                        for (var i = 0; i < 3; i++)
                        {
                            writer.WriteStringValue(Sentence(random, 4, citations: 0).TrimEnd('.'));
                        }

                        writer.WriteEndArray();
                        writer.WriteEndObject();
                        writer.WriteNull("fetch_url_content");
                        writer.WriteNull("execute_python");
                        break;
                    case 1:
                        writer.WriteString("type", "fetch_url_content");
                        writer.WriteNull("web_search");
                        writer.WriteStartObject("fetch_url_content");
                        writer.WriteStartArray("contents");
                        for (var i = 0; i < 2; i++)
                        {
                            WriteSearchResult(writer, random, ++result);
                        }

                        writer.WriteEndArray();
                        writer.WriteEndObject();
                        writer.WriteNull("execute_python");
                        break;
                    case 2:
                        writer.WriteString("type", "execute_python");
                        writer.WriteNull("web_search");
                        writer.WriteNull("fetch_url_content");
                        writer.WriteStartObject("execute_python");
                        writer.WriteString(
                            "code",
                            $"prices = [139, 128, 121, 115]\nchange = (prices[0] - prices[-1]) / prices[0]\nprint(f\"{{change:.1%}}\", \"step {step}\")");
                        writer.WriteString("result", $"17.3% step {step}");
                        writer.WriteEndObject();
                        break;
                    default:
                        writer.WriteNull("type");
                        break;
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("tool_calls");
            for (var i = 0; i < 2; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("id", $"call_{i}");
                writer.WriteString("type", "function");
                writer.WriteStartObject("function");
                writer.WriteString("name", "lookup_tariff");
                writer.WriteString("arguments", $"{{\"country\":\"US\",\"year\":{2024 + i}}}");
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteNull("tool_call_id");
            writer.WriteEndObject();
            writer.WriteStartObject("delta");
            writer.WriteString("role", "assistant");
            writer.WriteString("content", string.Empty);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            WriteCitations(writer, 60);
            writer.WriteStartArray("search_results");
            for (var i = 1; i <= 60; i++)
            {
                WriteSearchResult(writer, random, i);
            }

            writer.WriteEndArray();
            WriteUsage(writer, reasoning: true);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    private static void WriteEnvelopeStart(Utf8JsonWriter writer, PayloadKind kind, string model, int completedAfter)
    {
        writer.WriteStartObject();
        writer.WriteString("id", RequestId(kind));
        writer.WriteString("model", model);
        writer.WriteNumber("created_at", CreatedAt);
        writer.WriteString("status", "COMPLETED");
        writer.WriteNumber("started_at", CreatedAt + 1);
        writer.WriteNumber("completed_at", CreatedAt + completedAfter);
        writer.WriteNull("failed_at");
        writer.WriteNull("error_message");
    }

    private static void WriteCitations(Utf8JsonWriter writer, int count)
    {
        writer.WriteStartArray("citations");
        for (var i = 1; i <= count; i++)
        {
            writer.WriteStringValue($"https://research.example.org/storage/{i}");
        }

        writer.WriteEndArray();
    }

    private static void WriteSearchResult(Utf8JsonWriter writer, Lcg random, int index)
    {
        writer.WriteStartObject();
        writer.WriteString("title", $"Source {index}: " + Sentence(random, 6, citations: 0).TrimEnd('.'));
        writer.WriteString("url", $"https://research.example.org/storage/{index}");
        writer.WriteString("date", $"2025-{1 + (index % 12):00}-{1 + (index % 28):00}");
        writer.WriteString("last_updated", $"2025-10-{1 + (index % 28):00}");
        writer.WriteString("snippet", Sentence(random, 30, citations: 0) + " " + Sentence(random, 20, citations: 0));
        writer.WriteString("source", index % 7 == 0 ? "attachment" : "web");
        writer.WriteEndObject();
    }

    private static void WriteUsage(Utf8JsonWriter writer, bool reasoning)
    {
        writer.WriteStartObject("usage");
        writer.WriteNumber("prompt_tokens", reasoning ? 38 : 14);
        writer.WriteNumber("completion_tokens", reasoning ? 12874 : 1212);
        writer.WriteNumber("total_tokens", reasoning ? 12912 : 1226);
        writer.WriteString("search_context_size", "high");
        writer.WriteNumber("citation_tokens", reasoning ? 95322 : 1840);
        writer.WriteNumber("num_search_queries", reasoning ? 24 : 2);
        if (reasoning)
        {
            writer.WriteNumber("reasoning_tokens", 298211);
        }

        writer.WriteStartObject("cost");
        writer.WriteNumber("input_tokens_cost", reasoning ? 7.6e-05m : 0.000042m);
        writer.WriteNumber("output_tokens_cost", reasoning ? 0.102992m : 0.00318m);
        if (reasoning)
        {
            writer.WriteNumber("reasoning_tokens_cost", 0.894633m);
        }

        writer.WriteNumber("request_cost", reasoning ? 0.0m : 0.014m);
        writer.WriteNumber("citation_tokens_cost", reasoning ? 0.190644m : 0.00368m);
        writer.WriteNumber("search_queries_cost", reasoning ? 0.12m : 0.01m);
        writer.WriteNumber("total_cost", reasoning ? 1.308345m : 0.030902m);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    internal static string Paragraphs(Lcg random, int paragraphs, int sentences, int citations)
    {
        var builder = new StringBuilder();
        for (var p = 0; p < paragraphs; p++)
        {
            if (p > 0)
            {
                builder.Append("\n\n");
            }

            for (var s = 0; s < sentences; s++)
            {
                if (s > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(Sentence(random, 14 + random.Next(12), citations));
            }
        }

        return builder.ToString();
    }

    internal static string Sentence(Lcg random, int words, int citations)
    {
        var builder = new StringBuilder();
        for (var w = 0; w < words; w++)
        {
            var word = Words[random.Next(Words.Length)];
            builder.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word.Substring(1) : word);
            if (w < words - 1)
            {
                builder.Append(' ');
            }
        }

        if (citations > 0)
        {
            builder.Append(" [").Append((1 + random.Next(citations)).ToString(CultureInfo.InvariantCulture)).Append(']');
        }

        return builder.Append('.').ToString();
    }

    internal static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A tiny linear congruential generator: unlike <see cref="Random"/>, its sequence is fixed forever.</summary>
    internal sealed class Lcg(uint seed)
    {
        private uint _state = seed;

        public int Next(int maxExclusive)
        {
            _state = unchecked((_state * 1_664_525u) + 1_013_904_223u);
            return (int)((_state >> 8) % (uint)maxExclusive);
        }
    }
}
