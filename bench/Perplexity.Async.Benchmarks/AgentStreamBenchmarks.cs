using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Perplexity.Async.Benchmarks.Baseline;
using Perplexity.Async.Benchmarks.Infrastructure;

namespace Perplexity.Async.Benchmarks;

/// <summary>
/// Reading a streamed deep-research run of about 5 MB end to end over an in-memory handler (the documented framing:
/// <c>data:</c> lines, thousands of text deltas, the text and the item done, the completed snapshot):
/// <c>client.Agent.StreamAsync</c> against what a careful user writes without the SDK — a POST with
/// <c>ResponseHeadersRead</c>, <c>SseParser</c> and STJ into one flat DTO. Both sum the deltas, so both read every
/// event. Goal: at most 1.10× the baseline's time. The setup prints the payload's bytes per event; the allocations per
/// event are the Allocated column divided by <see cref="Events"/>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AgentStreamBenchmarks
{
    private const string ApiKey = "pplx-benchmark-0000000000000000000000000000000000000000";
    private const string Id = "resp_bench_stream";
    private static readonly Uri BaseAddress = new("https://api.perplexity.ai/");
    private static readonly AgentRequest Request = new() { Preset = AgentPreset.High, Input = "Write a long report." };
    private static readonly byte[] RequestBody = JsonSerializer.SerializeToUtf8Bytes(Request with { Background = true, Stream = true }, PerplexityJson.GetTypeInfo<AgentRequest>());

    private HttpClient _raw = null!;
    private HttpClient _sdkHttp = null!;
    private PerplexityAsyncClient _sdk = null!;

    /// <summary>The events of the payload.</summary>
    public static int Events { get; private set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var (body, events) = Build(targetBytes: 5 * 1024 * 1024);
        Events = events;
        _raw = new HttpClient(new InMemoryHandler(_ => body, mediaType: "text/event-stream")) { BaseAddress = BaseAddress };
        _raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        _sdkHttp = new HttpClient(new InMemoryHandler(_ => body, mediaType: "text/event-stream"));
        _sdk = new PerplexityAsyncClient(_sdkHttp, new PerplexityAsyncClientOptions { ApiKey = ApiKey, BaseAddress = BaseAddress });

        var sdk = await Sdk();
        var baseline = await SseParserAndDtos();
        if (sdk != baseline)
        {
            throw new InvalidOperationException($"The SDK read {sdk} characters of deltas, the baseline {baseline}.");
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"// AgentStream payload: {body.Length} bytes, {events} events, {body.Length / (double)events:0.#} bytes/event"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _sdkHttp.Dispose();
        _raw.Dispose();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Categories.AgentStream)]
    public async Task<long> SseParserAndDtos()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/agent") { Content = new ByteArrayContent(RequestBody) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _raw.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, CancellationToken.None);
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync();
        long characters = 0;
        var parser = SseParser.Create(stream, static (_, data) => JsonSerializer.Deserialize(data, BaselineJsonContext.Default.AgentStreamEventDto)!);
        await foreach (var item in parser.EnumerateAsync())
        {
            characters += item.Data.Delta?.Length ?? 0;
            if (item.Data.Type is "response.completed" or "response.failed" or "response.incomplete" or "response.cancelled")
            {
                break;
            }
        }

        return characters;
    }

    [Benchmark]
    [BenchmarkCategory(Categories.AgentStream)]
    public async Task<long> Sdk()
    {
        long characters = 0;
        await foreach (var e in _sdk.Agent.StreamAsync(Request, CancellationToken.None))
        {
            if (e is AgentOutputTextDeltaEvent delta)
            {
                characters += delta.Delta.Length;
            }
        }

        return characters;
    }

    /// <summary>A stream of the documented shape whose text deltas make it about <paramref name="targetBytes"/> long.</summary>
    private static (byte[] Body, int Events) Build(int targetBytes)
    {
        var sse = new StringBuilder(targetBytes + 4096);
        var sequence = 0;
        void Event(string json)
        {
            sse.Append("data: ").Append(json).Append("\n\n");
            sequence++;
        }

        string Snapshot(string status, string output) =>
            $$"""{"id":"{{Id}}","object":"response","created_at":1791572935,"status":"{{status}}","model":"high","output":[{{output}}],"background":true,"error":null,"usage":null}""";

        const string Source = """{"id":1,"url":"https://www.example-research.org/heat-pumps","title":"Heat pumps in 2026","snippet":"Air source heat pumps can cut running costs by up to 40% compared with an old gas boiler.","date":"2026-09-30","source":"web"}""";
        Event($$"""{"type":"response.created","sequence_number":{{sequence}},"response":{{Snapshot("queued", "")}}}""");
        Event($$"""{"type":"response.in_progress","sequence_number":{{sequence}},"response":{{Snapshot("in_progress", "")}}}""");
        Event($$"""{"type":"response.reasoning.search_queries","sequence_number":{{sequence}},"queries":["heat pump cost 2026","gas boiler rules"],"thought":"Searching."}""");
        Event($$"""{"type":"response.reasoning.search_results","sequence_number":{{sequence}},"results":[{{Source}},{{Source}},{{Source}}]}""");
        Event($$$"""{"type":"response.output_item.added","sequence_number":{{{sequence}}},"output_index":0,"item":{"type":"message","id":"msg_1","role":"assistant","status":"in_progress","content":[]}}""");
        var text = new StringBuilder();
        const string Chunk = "Heat pumps move heat rather than make it, so each unit of electricity brings three of warmth. ";
        // Deltas make about 40% of the bytes; the text done, the item done and the completed snapshot repeat the text.
        while (sse.Length + (text.Length * 3) < targetBytes)
        {
            Event($$"""{"type":"response.output_text.delta","sequence_number":{{sequence}},"item_id":"msg_1","output_index":0,"content_index":0,"delta":"{{Chunk}}"}""");
            text.Append(Chunk);
        }

        var message = $$$"""{"type":"message","id":"msg_1","role":"assistant","status":"completed","content":[{"type":"output_text","text":"{{{text}}}","annotations":[]}]}""";
        Event($$"""{"type":"response.output_text.done","sequence_number":{{sequence}},"item_id":"msg_1","output_index":0,"content_index":0,"text":"{{text}}"}""");
        Event($$"""{"type":"response.output_item.done","sequence_number":{{sequence}},"output_index":0,"item":{{message}}}""");
        Event($$"""{"type":"response.completed","sequence_number":{{sequence}},"response":{{Snapshot("completed", message)}}}""");
        return (Encoding.UTF8.GetBytes(sse.ToString()), sequence);
    }
}
