using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Perplexity.Async.Benchmarks.Infrastructure;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Benchmarks;

/// <summary>
/// Waiting on 10,000 Agent runs in one process under a 50 requests/s budget: <c>client.Agent.WaitForAllAsync</c>
/// against an in-memory API whose runs finish one after another over 30 minutes (so most are seen in the steady state of the polling). Measured (columns): the peak managed
/// heap of the waiter over the idle process, the most requests in any second, and the mean delay between a run finishing
/// and the waiter seeing it, against the ideal runs ÷ (2 × budget) = 100 s.
/// </summary>
/// <remarks>
/// On a virtual clock (the test suite's <c>TestClock</c>, which moves time to the next timer once the code waits on
/// one): on the real clock the wait lasts about 7 minutes, too slow to run as a benchmark; the virtual clock runs the
/// same code (budget, wait engine, polls) in well under a minute, moving at least 100 ms a step, and only after giving
/// the thread pool a real millisecond to finish what the last step released (else virtual time runs ahead of the
/// polls in flight and the figures measure the clock, not the SDK). The BenchmarkDotNet time is therefore the CPU cost of the whole
/// wait, not its duration.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(ManyRunsConfig))]
public class ManyRunsBenchmarks
{
    /// <summary>How many runs are waited on.</summary>
    public const int Runs = 10_000;

    /// <summary>The request budget, in requests a second (the limit the Agent API reported).</summary>
    public const int Budget = 50;

    /// <summary>
    /// The budget's burst: 5, what 100 ms (<see cref="MinStep"/>) earns at 50 a second, so the coarse virtual clock loses
    /// no permit; in any second at most <see cref="Burst"/> + <see cref="Budget"/> requests can go out.
    /// </summary>
    public const int Burst = 5;

    /// <summary>The first run finishes after this many seconds.</summary>
    public const int FirstFinishSeconds = 10;

    /// <summary>The runs finish evenly over this many seconds.</summary>
    public const int FinishSpreadSeconds = 1800;

    /// <summary>
    /// The virtual clock moves at least 100 ms a step (past every timer due by then): 5 permits a step at 50 a second,
    /// which the budget counts exactly; each step costs real time, and finer steps would make one wait take minutes.
    /// </summary>
    public static readonly TimeSpan MinStep = TimeSpan.FromMilliseconds(100);

    private const string ApiKey = "pplx-benchmark-0000000000000000000000000000000000000000";

    /// <summary>What the last wait measured.</summary>
    public ManyRunsFigures? Figures { get; private set; }

    [Benchmark]
    public async Task<int> WaitForAllRuns()
    {
        Figures = await MeasureAsync().ConfigureAwait(false);
        return Figures.Requests;
    }

    /// <summary>One whole wait on a fresh clock, API and client.</summary>
    public static async Task<ManyRunsFigures> MeasureAsync()
    {
        var clock = new TestClock();
        var api = new RunsApi(clock, Runs);
        using var client = new PerplexityAsyncClient(new HttpClient(api), new PerplexityAsyncClientOptions
        {
            ApiKey = ApiKey,
            TimeProvider = clock,
            RequestTimeout = null,
            MaxRetries = 0,
            RequestBudget = new RequestBudgetOptions { RequestsPerSecond = Budget, Burst = Burst },
        });

        GC.Collect();
        GC.WaitForPendingFinalizers();
        api.Baseline = GC.GetTotalMemory(forceFullCollection: true);
        var results = await clock.DriveAsync(client.Agent.WaitForAllAsync(api.Ids, CancellationToken.None), int.MaxValue, MinStep, static () => Task.Delay(1)).ConfigureAwait(false);
        if (results.Count != Runs || results.Any(r => r.Status != AgentResponseStatus.Completed))
        {
            throw new InvalidOperationException("The wait did not return every run completed.");
        }

        return api.Figures(clock.Elapsed);
    }

    /// <summary>The in-memory API: GET v1/responses/{id} answers in_progress until the run's finish time, then completed.</summary>
    private sealed class RunsApi : HttpMessageHandler
    {
        private static readonly MediaTypeHeaderValue Json = new("application/json");

        private readonly TestClock _clock;
        private readonly Dictionary<string, (TimeSpan FinishAt, int Index)> _runs = new(StringComparer.Ordinal);
        private readonly TimeSpan[] _seenAt;
        private readonly List<TimeSpan> _arrivals = new(Runs * 4);
        private readonly object _gate = new();
        private long _peak;

        public RunsApi(TestClock clock, int runs)
        {
            _clock = clock;
            Ids = new string[runs];
            _seenAt = new TimeSpan[runs];
            for (var i = 0; i < runs; i++)
            {
                Ids[i] = "resp_bench_" + i.ToString("00000", System.Globalization.CultureInfo.InvariantCulture);
                _runs.Add(Ids[i], (TimeSpan.FromSeconds(FirstFinishSeconds + (FinishSpreadSeconds * (double)i / runs)), i));
                _seenAt[i] = TimeSpan.MinValue;
            }
        }

        public string[] Ids { get; }

        public long Baseline { get; set; }

        public ManyRunsFigures Figures(TimeSpan elapsed)
        {
            var mostInASecond = 0;
            for (int start = 0, end = 0; start < _arrivals.Count; start++)
            {
                while (end < _arrivals.Count && _arrivals[end] - _arrivals[start] < TimeSpan.FromSeconds(1))
                {
                    end++;
                }

                mostInASecond = Math.Max(mostInASecond, end - start);
            }

            var delays = _runs.Values.Select(r => (_seenAt[r.Index] - r.FinishAt).TotalSeconds).ToList();
            return new ManyRunsFigures(
                _arrivals.Count,
                mostInASecond,
                _arrivals.Count / elapsed.TotalSeconds,
                delays.Average(),
                delays.Max(),
                Math.Max(0, _peak - Baseline) / (1024.0 * 1024.0),
                elapsed);
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = _clock.Elapsed;
            var id = request.RequestUri!.AbsolutePath.Substring(request.RequestUri.AbsolutePath.LastIndexOf('/') + 1);
            var run = _runs[id];
            var done = now >= run.FinishAt;
            lock (_gate)
            {
                _arrivals.Add(now);
                if (done && _seenAt[run.Index] == TimeSpan.MinValue)
                {
                    _seenAt[run.Index] = now;
                }

                if (_arrivals.Count % 64 == 0)
                {
                    _peak = Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: false));
                }
            }

            var body = done
                ? $$"""{"id":"{{id}}","object":"response","created_at":1760036935,"status":"completed","model":"openai/gpt-5.2","output":[{"type":"message","id":"msg_{{id}}","role":"assistant","status":"completed","content":[{"type":"output_text","text":"Heat pumps move heat instead of making it.","annotations":[]}]}]}"""
                : $$"""{"id":"{{id}}","object":"response","created_at":1760036935,"status":"in_progress","model":"fast","output":[]}""";
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.ContentType = Json;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
