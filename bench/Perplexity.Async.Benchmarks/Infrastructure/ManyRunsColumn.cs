using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Perplexity.Async.Benchmarks.Infrastructure;

/// <summary>
/// The figures of a <see cref="ManyRunsBenchmarks"/> wait: peak heap, the most requests in a second, the mean delay
/// before a finished run is seen and the ideal one. They come from the virtual clock, so they are taken by running the
/// wait once in the host process.
/// </summary>
public sealed class ManyRunsColumn : IColumn
{
    private static readonly Lazy<ManyRunsFigures> Measured = new(() => ManyRunsBenchmarks.MeasureAsync().GetAwaiter().GetResult());

    private readonly string _name;
    private readonly Func<ManyRunsFigures, string> _value;

    private ManyRunsColumn(string name, Func<ManyRunsFigures, string> value, int priority)
    {
        _name = name;
        _value = value;
        PriorityInCategory = priority;
    }

    /// <summary>Every column, in order.</summary>
    public static IColumn[] All { get; } =
    [
        new ManyRunsColumn("Peak heap (MB)", f => f.PeakHeapMegabytes.ToString("0.0", CultureInfo.InvariantCulture), 0),
        new ManyRunsColumn("Most req in 1 s", f => f.MostInASecond.ToString(CultureInfo.InvariantCulture), 1),
        new ManyRunsColumn("Mean req/s", f => f.MeanPerSecond.ToString("0.0", CultureInfo.InvariantCulture), 2),
        new ManyRunsColumn("Mean seen delay (s)", f => f.MeanSeenDelaySeconds.ToString("0.0", CultureInfo.InvariantCulture), 3),
        new ManyRunsColumn("Ideal delay (s)", _ => (ManyRunsBenchmarks.Runs / (2.0 * ManyRunsBenchmarks.Budget)).ToString("0.0", CultureInfo.InvariantCulture), 4),
        new ManyRunsColumn("Virtual duration", f => f.Elapsed.ToString(@"m\:ss", CultureInfo.InvariantCulture), 5),
    ];

    public string Id => "ManyRuns." + _name;

    public string ColumnName => _name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory { get; }

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"{_name}: waiting on {ManyRunsBenchmarks.Runs} runs under a {ManyRunsBenchmarks.Budget} requests/s budget, on a virtual clock";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <remarks>A dry run (one cold iteration, CI's smoke test) skips the extra wait in the host: about a minute and a half.</remarks>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        benchmarkCase.Job.Run.RunStrategy == BenchmarkDotNet.Engines.RunStrategy.ColdStart && benchmarkCase.Job.Run.IterationCount == 1
            ? "(dry)"
            : _value(Measured.Value);

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(ManyRunsBenchmarks));

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
