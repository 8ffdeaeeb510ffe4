using System.IO;
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
/// Reading a response body from a stream into models: the SDK's source-generated context against plain DTOs
/// with their own source-generated context. Goal: at most 1.05× the baseline's time and 1.10× its bytes.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class DeserializationBenchmarks
{
    private byte[] _body = [];

    [Params(PayloadKind.Created, PayloadKind.Sonar, PayloadKind.DeepResearch)]
    public PayloadKind Payload { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _body = Payloads.Payloads.Get(Payload);
        SizeCheck.Verify(Payload, _body);
        PayloadCheck.Same(await Sdk(), await HandWrittenDto());
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Categories.Deserialize)]
    public async Task<JobDto?> HandWrittenDto()
    {
        using var stream = new MemoryStream(_body, writable: false);
        return await JsonSerializer.DeserializeAsync(stream, BaselineJsonContext.Default.JobDto);
    }

    [Benchmark]
    [BenchmarkCategory(Categories.Deserialize)]
    public async Task<AsyncApiChatCompletionsResponse?> Sdk()
    {
        using var stream = new MemoryStream(_body, writable: false);
        return await JsonSerializer.DeserializeAsync(stream, PerplexityJsonContext.Default.AsyncApiChatCompletionsResponse);
    }
}
