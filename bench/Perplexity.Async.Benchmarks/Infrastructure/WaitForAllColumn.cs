using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Perplexity.Async.Benchmarks.Infrastructure;

/// <summary>
/// HTTP requests of a <see cref="WaitForAllBenchmarks"/> case: in all (<c>Requests</c>), and per round while the jobs
/// are still running (<c>Requests/round</c>: requests answered with an unfinished status ÷ the unfinished rounds). The
/// counts are deterministic, so they are taken by running the case once in the host process.
/// </summary>
public sealed class WaitForAllColumn : IColumn
{
    private static readonly ConcurrentDictionary<string, (long Requests, long Unfinished)> Counts = new();

    private readonly bool _perRound;

    private WaitForAllColumn(bool perRound) => _perRound = perRound;

    /// <summary>Every request of one wait.</summary>
    public static IColumn Total { get; } = new WaitForAllColumn(perRound: false);

    /// <summary>Requests per round while the jobs run (goal: 1 for WaitForAllAsync, against 100).</summary>
    public static IColumn PerRound { get; } = new WaitForAllColumn(perRound: true);

    public string Id => _perRound ? "WaitForAll.PerRound" : "WaitForAll.Total";

    public string ColumnName => _perRound ? "Requests/round" : "Requests";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => _perRound ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => _perRound
        ? $"HTTP requests per round while the {WaitForAllBenchmarks.Jobs} jobs run ({WaitForAllBenchmarks.UnfinishedRounds} rounds)"
        : $"HTTP requests of one wait for {WaitForAllBenchmarks.Jobs} jobs, finished after {WaitForAllBenchmarks.UnfinishedRounds} rounds";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var method = benchmarkCase.Descriptor.WorkloadMethod.Name;
        var (requests, unfinished) = Counts.GetOrAdd(method, Measure);
        return _perRound
            ? (unfinished / (double)WaitForAllBenchmarks.UnfinishedRounds).ToString("0.##", CultureInfo.InvariantCulture)
            : requests.ToString(CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) =>
        summary.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(WaitForAllBenchmarks));

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    private static (long Requests, long Unfinished) Measure(string method)
    {
        var benchmark = new WaitForAllBenchmarks();
        benchmark.Setup();
        try
        {
            _ = method switch
            {
                nameof(WaitForAllBenchmarks.PerIdPolling) => benchmark.PerIdPolling().GetAwaiter().GetResult(),
                nameof(WaitForAllBenchmarks.WaitForAll) => benchmark.WaitForAll().GetAwaiter().GetResult(),
                _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not a WaitForAll benchmark."),
            };
            return (benchmark.Requests, benchmark.UnfinishedAnswers);
        }
        finally
        {
            benchmark.Cleanup();
        }
    }
}
