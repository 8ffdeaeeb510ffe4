using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Perplexity.Async.Benchmarks.Baseline;
using Perplexity.Async.Benchmarks.Infrastructure;
using Perplexity.Async.Benchmarks.Payloads;

namespace Perplexity.Async.Benchmarks;

/// <summary>
/// One GET of an Agent API run end to end over an in-memory handler: <c>client.Agent.GetAsync</c> against what a careful
/// user writes without the SDK — <c>HttpClient.GetAsync</c> with <c>ResponseHeadersRead</c>, <c>ReadAsStreamAsync</c> and
/// <c>JsonSerializer.DeserializeAsync</c> into minimal DTOs. Goal: at most 1.10× the baseline's time and bytes.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AgentGetAsyncBenchmarks
{
    private const string ApiKey = "pplx-benchmark-0000000000000000000000000000000000000000";
    private static readonly Uri BaseAddress = new("https://api.perplexity.ai/");

    private HttpClient _raw = null!;
    private HttpClient _sdkHttp = null!;
    private PerplexityAsyncClient _sdk = null!;
    private string _id = string.Empty;

    [Params(AgentPayloadKind.Queued, AgentPayloadKind.DeepResearch)]
    public AgentPayloadKind Payload { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var body = AgentPayloads.Get(Payload);
        using (var document = JsonDocument.Parse(body))
        {
            _id = document.RootElement.GetProperty("id").GetString()!;
        }

        _raw = new HttpClient(new InMemoryHandler(body)) { BaseAddress = BaseAddress };
        _raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        _raw.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _sdkHttp = new HttpClient(new InMemoryHandler(body));
        _sdk = new PerplexityAsyncClient(_sdkHttp, new PerplexityAsyncClientOptions { ApiKey = ApiKey, BaseAddress = BaseAddress });

        AgentPayloadCheck.Same(await Sdk(), await HttpClientAndStj());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _sdkHttp.Dispose();
        _raw.Dispose();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Categories.AgentGetAsync)]
    public async Task<AgentResponseDto?> HttpClientAndStj()
    {
        using var response = await _raw.GetAsync("v1/responses/" + Uri.EscapeDataString(_id), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync();
        return await JsonSerializer.DeserializeAsync(stream, BaselineJsonContext.Default.AgentResponseDto);
    }

    [Benchmark]
    [BenchmarkCategory(Categories.AgentGetAsync)]
    public Task<AgentResponse> Sdk() => _sdk.Agent.GetAsync(_id, default);
}
