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
using Perplexity.Async.Serialization;

namespace Perplexity.Async.Benchmarks;

/// <summary>
/// One GET of a job end to end over an in-memory handler: <c>client.Sonar.GetAsync</c> (or
/// <c>ChatCompletions</c> for the deep-research payload) against what a careful user writes without the SDK —
/// <c>HttpClient.GetAsync</c> with <c>ResponseHeadersRead</c>, <c>ReadAsStreamAsync</c> and
/// <c>JsonSerializer.DeserializeAsync</c> into DTOs. Goal: at most 1.10× the baseline's time and bytes.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GetAsyncBenchmarks
{
    private const string ApiKey = "pplx-benchmark-0000000000000000000000000000000000000000";
    private static readonly Uri BaseAddress = new("https://api.perplexity.ai/");

    private HttpClient _raw = null!;
    private HttpClient _sdkHttp = null!;
    private PerplexityAsyncClient _sdk = null!;
    private AsyncCompletionsClient _route = null!;
    private string _routePrefix = string.Empty;
    private string _requestId = string.Empty;

    [Params(PayloadKind.Created, PayloadKind.Sonar, PayloadKind.DeepResearch)]
    public PayloadKind Payload { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var body = Payloads.Payloads.Get(Payload);
        SizeCheck.Verify(Payload, body);
        _requestId = Payloads.Payloads.RequestId(Payload);
        var legacy = Payload == PayloadKind.DeepResearch;
        _routePrefix = legacy ? "async/chat/completions/" : "v1/async/sonar/";

        // The user's client: authorization and accept set once, on the default headers.
        _raw = new HttpClient(new InMemoryHandler(body)) { BaseAddress = BaseAddress };
        _raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        _raw.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        _sdkHttp = new HttpClient(new InMemoryHandler(body));
        _sdk = new PerplexityAsyncClient(_sdkHttp, new PerplexityAsyncClientOptions { ApiKey = ApiKey, BaseAddress = BaseAddress });
        _route = legacy ? _sdk.ChatCompletions : _sdk.Sonar;

        PayloadCheck.Same(await Sdk(), await HttpClientAndStj());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _sdkHttp.Dispose();
        _raw.Dispose();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Categories.GetAsync)]
    public async Task<JobDto?> HttpClientAndStj()
    {
        using var response = await _raw.GetAsync(_routePrefix + Uri.EscapeDataString(_requestId), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync();
        return await JsonSerializer.DeserializeAsync(stream, BaselineJsonContext.Default.JobDto);
    }

    [Benchmark]
    [BenchmarkCategory(Categories.GetAsync)]
    public Task<AsyncApiChatCompletionsResponse> Sdk() => _route.GetAsync(_requestId);

    /// <summary>
    /// Diagnostic: the baseline's HTTP code reading into the SDK's models. Against <see cref="Sdk"/> it isolates
    /// the SDK's transport (validation, headers, error mapping, bounded body); against the baseline, its models.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory(Categories.GetAsync)]
    public async Task<AsyncApiChatCompletionsResponse?> HttpClientIntoSdkModels()
    {
        using var response = await _raw.GetAsync(_routePrefix + Uri.EscapeDataString(_requestId), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync();
        return await JsonSerializer.DeserializeAsync(stream, PerplexityJsonContext.Default.AsyncApiChatCompletionsResponse);
    }
}
