using BenchmarkDotNet.Configs;

namespace Perplexity.Async.Benchmarks.Infrastructure;

/// <summary>Adds the scale columns to <see cref="ManyRunsBenchmarks"/>.</summary>
public sealed class ManyRunsConfig : ManualConfig
{
    public ManyRunsConfig() => AddColumn(ManyRunsColumn.All);
}
