using BenchmarkDotNet.Configs;

namespace Perplexity.Async.Benchmarks.Infrastructure;

/// <summary>Adds the derived poll-round columns to <see cref="PollRoundBenchmarks"/>.</summary>
public sealed class PollRoundConfig : ManualConfig
{
    public PollRoundConfig() => AddColumn(PollRoundColumn.PerRound, PollRoundColumn.BeyondGet);
}
