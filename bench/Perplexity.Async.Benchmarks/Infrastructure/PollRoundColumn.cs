using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Perplexity.Async.Benchmarks.Infrastructure;

/// <summary>
/// Derives per-round costs from the measured allocations: <c>Bytes/round</c> is (eleven − one) ÷ 10 on the
/// <c>GetElevenTimes</c> row (a bare GET) and on the <c>WaitElevenPolls</c> row (a poll round); <c>Beyond GET</c>, on
/// the latter, is the poll round minus the bare GET.
/// </summary>
public sealed class PollRoundColumn : IColumn
{
    private readonly bool _beyondGet;

    private PollRoundColumn(bool beyondGet) => _beyondGet = beyondGet;

    /// <summary>Allocated bytes per poll round.</summary>
    public static IColumn PerRound { get; } = new PollRoundColumn(beyondGet: false);

    /// <summary>Allocated bytes per poll round that the GET itself does not account for (goal: 0).</summary>
    public static IColumn BeyondGet { get; } = new PollRoundColumn(beyondGet: true);

    public string Id => _beyondGet ? "PollRound.BeyondGet" : "PollRound.PerRound";

    public string ColumnName => _beyondGet ? "Beyond GET" : "Bytes/round";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => _beyondGet ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Size;

    public string Legend => _beyondGet
        ? "Allocated bytes per poll round beyond the GET it sends: the two Bytes/round values subtracted (goal 0)"
        : "Allocated bytes per GET (GetElevenTimes − GetOnce) and per poll round (WaitElevenPolls − WaitOnePoll), ÷ " + PollRoundBenchmarks.ExtraRounds;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var method = benchmarkCase.Descriptor.WorkloadMethod.Name;
        var getRound = PerRoundBytes(summary, benchmarkCase, nameof(PollRoundBenchmarks.GetElevenTimes), nameof(PollRoundBenchmarks.GetOnce));
        double? value = method switch
        {
            nameof(PollRoundBenchmarks.GetElevenTimes) when !_beyondGet => getRound,
            nameof(PollRoundBenchmarks.WaitElevenPolls) =>
                PerRoundBytes(summary, benchmarkCase, nameof(PollRoundBenchmarks.WaitElevenPolls), nameof(PollRoundBenchmarks.WaitOnePoll)) is { } pollRound
                    ? (_beyondGet ? (getRound is { } get ? pollRound - get : null) : pollRound)
                    : null,
            _ => null,
        };
        return value is { } bytes ? bytes.ToString("0.#", CultureInfo.InvariantCulture) + " B" : "-";
    }

    public bool IsAvailable(Summary summary) =>
        summary.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(PollRoundBenchmarks));

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    private static double? PerRoundBytes(Summary summary, BenchmarkCase like, string eleven, string one) =>
        BytesOf(summary, like, eleven) is { } many && BytesOf(summary, like, one) is { } single
            ? (many - single) / (double)PollRoundBenchmarks.ExtraRounds
            : null;

    private static long? BytesOf(Summary summary, BenchmarkCase like, string method)
    {
        var match = summary.BenchmarksCases.FirstOrDefault(c =>
            c.Descriptor.WorkloadMethod.Name == method && c.Job == like.Job && c.Descriptor.Type == like.Descriptor.Type
            && c.Parameters.DisplayInfo == like.Parameters.DisplayInfo);
        var report = match is null ? null : summary[match];
        return report is null || !report.Success ? null : report.GcStats.GetBytesAllocatedPerOperation(match!);
    }
}
