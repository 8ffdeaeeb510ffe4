using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Perplexity.Async.Benchmarks.Baseline;

/// <summary>
/// The hand-written alternative to the SDK: the same wire format, plain DTOs, a source-generated context with a
/// snake_case naming policy. This is the bar the SDK is measured against.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(JobDto))]
[JsonSerializable(typeof(List<ContentPartDto>))]
[JsonSerializable(typeof(AgentResponseDto))]
[JsonSerializable(typeof(AgentStreamEventDto))]
public sealed partial class BaselineJsonContext : JsonSerializerContext
{
}
