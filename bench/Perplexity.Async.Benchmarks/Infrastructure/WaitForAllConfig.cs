using BenchmarkDotNet.Configs;

namespace Perplexity.Async.Benchmarks.Infrastructure;

/// <summary>Adds the request-count columns to <see cref="WaitForAllBenchmarks"/>.</summary>
public sealed class WaitForAllConfig : ManualConfig
{
    public WaitForAllConfig() => AddColumn(WaitForAllColumn.Total, WaitForAllColumn.PerRound);
}
