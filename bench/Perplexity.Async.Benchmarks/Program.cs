using System;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Perplexity.Async.Benchmarks;

/// <summary>
/// Runs the benchmarks BenchmarkDotNet's command line selects, for example
/// <c>dotnet run -c Release --project bench/Perplexity.Async.Benchmarks -- --filter '*'</c>.
/// Exits with 1 when a benchmark fails or a filter selects nothing, so CI's dry run catches rot.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["--many-runs"])
        {
            // The figures of docs/benchmarks.md's scale table, without BenchmarkDotNet's iterations: one wait, printed.
            var started = System.Diagnostics.Stopwatch.StartNew();
            var figures = ManyRunsBenchmarks.MeasureAsync().GetAwaiter().GetResult();
            Console.WriteLine($"{figures} (real time {started.Elapsed})");
            return 0;
        }

        var config = DefaultConfig.Instance
            .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(20));
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config).ToArray();

        var filtered = args.Any(a => a is "--filter" or "-f");
        if (filtered && summaries.Length == 0)
        {
            Console.Error.WriteLine("The filter selected no benchmark.");
            return 1;
        }

        var failed = summaries
            .SelectMany(s => s.Reports.Where(r => !r.Success).Select(r => r.BenchmarkCase.DisplayInfo)
                .Concat(s.HasCriticalValidationErrors ? ["validation: " + string.Join("; ", s.ValidationErrors.Select(e => e.Message))] : []))
            .ToArray();
        foreach (var failure in failed)
        {
            Console.Error.WriteLine("Benchmark failed: " + failure);
        }

        return failed.Length == 0 ? 0 : 1;
    }
}
