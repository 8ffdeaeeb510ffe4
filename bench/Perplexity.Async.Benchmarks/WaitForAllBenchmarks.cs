using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Perplexity.Async.Benchmarks.Infrastructure;
using Perplexity.Async.Benchmarks.Payloads;

namespace Perplexity.Async.Benchmarks;

/// <summary>
/// Waiting for 100 jobs that run for five rounds and then are all completed: <c>WaitForAllAsync</c> (one list
/// request per round, then one GET per finished job) against per-id polling (<c>WaitForCompletionAsync</c> for each
/// id, all at once: one GET per job per round). The <c>Requests</c> and <c>Requests/round</c> columns count HTTP
/// requests; goal: 1 request per round against 100.
/// </summary>
/// <remarks>
/// The in-memory API answers a list request with every job's status and a GET with the job's envelope; a job is
/// unfinished until its waiter has asked five times (per-id polling: five GETs of it; <c>WaitForAllAsync</c>: five
/// list requests). Delays are one tick, which the runtime completes at once.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[Config(typeof(WaitForAllConfig))]
public class WaitForAllBenchmarks
{
    /// <summary>How many jobs are waited for.</summary>
    public const int Jobs = 100;

    /// <summary>How many rounds the jobs stay unfinished.</summary>
    public const int UnfinishedRounds = 5;

    private const string ApiKey = "pplx-benchmark-0000000000000000000000000000000000000000";
    private const string Route = "/v1/async/sonar";
    private static readonly Uri BaseAddress = new("https://api.perplexity.ai/");

    private readonly PollingOptions _polling = new()
    {
        InitialDelay = TimeSpan.FromTicks(1),
        MaxDelay = TimeSpan.FromTicks(1),
        UseJitter = false,
    };

    private readonly int[] _getsPerJob = new int[Jobs];
    private readonly string[] _ids = [.. Enumerable.Range(0, Jobs).Select(i => "req_bench_" + i.ToString("000", CultureInfo.InvariantCulture))];
    private byte[][] _unfinished = [];
    private byte[][] _completed = [];
    private byte[] _listUnfinished = [];
    private byte[] _listCompleted = [];
    private int _lists;
    private long _unfinishedAnswers;
    private HttpClient _http = null!;
    private PerplexityAsyncClient _sdk = null!;

    /// <summary>Requests answered with an unfinished status (a list or a GET) in the last wait, from the handler.</summary>
    public long UnfinishedAnswers => Interlocked.Read(ref _unfinishedAnswers);

    /// <summary>Every request of the last wait, from the handler.</summary>
    public long Requests => Handler.Requests;

    private InMemoryHandler Handler { get; set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Each job answers with its own id (the SDK rejects an answer about another job).
        _unfinished = [.. _ids.Select(id => Payloads.Payloads.WithRequestId(PayloadKind.Created, id))];
        _completed = [.. _ids.Select(id => Payloads.Payloads.WithRequestId(PayloadKind.Sonar, id))];
        _listUnfinished = ListBody("IN_PROGRESS");
        _listCompleted = ListBody("COMPLETED");
        Handler = new InMemoryHandler(Answer);
        _http = new HttpClient(Handler);

        // Both sides poll without transport retries (waits turn them off themselves).
        _sdk = new PerplexityAsyncClient(_http, new PerplexityAsyncClientOptions { ApiKey = ApiKey, BaseAddress = BaseAddress, MaxRetries = 0 });

        // Each side waits for every job and sees it completed; the request counts are what the columns report.
        Check(PerIdPolling().GetAwaiter().GetResult(), (UnfinishedRounds + 1) * Jobs, "per-id polling");
        Check(WaitForAll().GetAwaiter().GetResult(), UnfinishedRounds + 1 + Jobs, "WaitForAllAsync");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _http.Dispose();
    }

    /// <summary>What a user writes without <c>WaitForAllAsync</c>: one wait per job, all at once.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Categories.WaitForAll)]
    public async Task<IReadOnlyList<AsyncApiChatCompletionsResponse>> PerIdPolling()
    {
        Reset();
        var waits = new Task<AsyncApiChatCompletionsResponse>[Jobs];
        for (var i = 0; i < Jobs; i++)
        {
            waits[i] = _sdk.Sonar.WaitForCompletionAsync(_ids[i], _polling, CancellationToken.None);
        }

        return await Task.WhenAll(waits);
    }

    [Benchmark]
    [BenchmarkCategory(Categories.WaitForAll)]
    public Task<IReadOnlyList<AsyncApiChatCompletionsResponse>> WaitForAll()
    {
        Reset();
        return _sdk.Sonar.WaitForAllAsync(_ids, _polling, CancellationToken.None);
    }

    private void Reset()
    {
        Array.Clear(_getsPerJob, 0, _getsPerJob.Length);
        _lists = 0;
        Interlocked.Exchange(ref _unfinishedAnswers, 0);
        Handler.ResetCount();
    }

    private byte[] Answer(HttpRequestMessage request)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path == Route)
        {
            var unfinished = Interlocked.Increment(ref _lists) <= UnfinishedRounds;
            return Counted(unfinished, unfinished ? _listUnfinished : _listCompleted);
        }

        // A job is finished once its waiter has asked five times: five GETs of it, or five lists.
        var job = int.Parse(path.AsSpan(path.Length - 3), CultureInfo.InvariantCulture);
        var asked = Math.Max(Interlocked.Increment(ref _getsPerJob[job]), Volatile.Read(ref _lists));
        var stillRunning = asked <= UnfinishedRounds;
        return Counted(stillRunning, stillRunning ? _unfinished[job] : _completed[job]);
    }

    private byte[] Counted(bool unfinished, byte[] body)
    {
        if (unfinished)
        {
            Interlocked.Increment(ref _unfinishedAnswers);
        }

        return body;
    }

    private byte[] ListBody(string status)
    {
        var json = new StringBuilder("{\"requests\":[");
        for (var i = 0; i < Jobs; i++)
        {
            json.Append(i == 0 ? "" : ",")
                .Append("{\"id\":\"").Append(_ids[i]).Append("\",\"model\":\"sonar-deep-research\",\"status\":\"").Append(status)
                .Append("\",\"created_at\":1763870400,\"started_at\":1763870401,\"completed_at\":")
                .Append(status == "COMPLETED" ? "1763870460" : "null").Append(",\"failed_at\":null}");
        }

        return Encoding.UTF8.GetBytes(json.Append("],\"next_token\":null}").ToString());
    }

    private void Check(IReadOnlyList<AsyncApiChatCompletionsResponse> results, long expectedRequests, string what)
    {
        if (results.Count != Jobs || results.Any(r => r.Response is null) || Requests != expectedRequests)
        {
            throw new InvalidOperationException(
                $"WaitForAll setup check failed for {what}: {results.Count} results, {Requests} requests (expected {expectedRequests}).");
        }
    }
}
