using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Perplexity.Async.Benchmarks.Baseline;
using Perplexity.Async.Benchmarks.Infrastructure;
using Perplexity.Async.Benchmarks.Payloads;
using Perplexity.Async.Serialization;

namespace Perplexity.Async.Benchmarks;

/// <summary>
/// Reading an Agent API run from a stream into models: the SDK's source-generated context (the 32-key envelope, the
/// output-item union, the hand-written search-result and page converters, unknown members kept) against minimal
/// hand-written DTOs with their own source-generated context. Goal: at most 1.10× the baseline's time and bytes.
/// </summary>
/// <remarks>
/// Two diagnostic rows read the same bytes with a 256 KiB <see cref="JsonSerializerOptions.DefaultBufferSize"/> instead
/// of the default 16 KiB, on both sides. The serializer buffers a value whole before a custom converter reads it (the
/// output-item union is one, so that an unknown item keeps its raw JSON), and starts that read-ahead over whenever the
/// value straddles the end of its buffer; a buffer that holds the whole body removes the read-ahead, so these rows
/// separate that cost from the cost of the models.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AgentDeserializationBenchmarks
{
    private const int LargeBufferSize = 256 * 1024;

    private static readonly JsonTypeInfo<AgentResponse> SdkLargeBufferInfo =
        (JsonTypeInfo<AgentResponse>)new JsonSerializerOptions(PerplexityJsonContext.Default.Options) { DefaultBufferSize = LargeBufferSize }
            .GetTypeInfo(typeof(AgentResponse));

    private static readonly JsonTypeInfo<AgentResponseDto> DtoLargeBufferInfo =
        (JsonTypeInfo<AgentResponseDto>)new JsonSerializerOptions(BaselineJsonContext.Default.Options) { DefaultBufferSize = LargeBufferSize }
            .GetTypeInfo(typeof(AgentResponseDto));

    private byte[] _body = [];

    [Params(AgentPayloadKind.Queued, AgentPayloadKind.DeepResearch)]
    public AgentPayloadKind Payload { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _body = AgentPayloads.Get(Payload);
        SizeCheck.Verify(Payload, _body);
        AgentPayloadCheck.Same(await Sdk(), await HandWrittenDto());
        AgentPayloadCheck.Same(await SdkLargeBuffer(), await HandWrittenDtoLargeBuffer());
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Categories.AgentDeserialize)]
    public Task<AgentResponseDto?> HandWrittenDto() => Read(BaselineJsonContext.Default.AgentResponseDto);

    [Benchmark]
    [BenchmarkCategory(Categories.AgentDeserialize)]
    public Task<AgentResponse?> Sdk() => Read(PerplexityJsonContext.Default.AgentResponse);

    [Benchmark]
    [BenchmarkCategory(Categories.AgentDeserialize)]
    public Task<AgentResponseDto?> HandWrittenDtoLargeBuffer() => Read(DtoLargeBufferInfo);

    [Benchmark]
    [BenchmarkCategory(Categories.AgentDeserialize)]
    public Task<AgentResponse?> SdkLargeBuffer() => Read(SdkLargeBufferInfo);

    private async Task<T?> Read<T>(JsonTypeInfo<T> typeInfo)
    {
        using var stream = new MemoryStream(_body, writable: false);
        return await JsonSerializer.DeserializeAsync(stream, typeInfo);
    }
}
