using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Perplexity.Async.Benchmarks.Infrastructure;
using Perplexity.Async.Benchmarks.Payloads;

namespace Perplexity.Async.Benchmarks;

/// <summary>
/// What one poll round of <c>WaitForCompletionAsync</c> costs beyond the GET it sends. Costs are taken per round, as
/// slopes, so that what is paid once per call cancels out: a round of the wait is (a wait of eleven polls − a wait of
/// one) ÷ 10, where the eleven are ten unfinished answers and the completed one and the one is completed at once; a
/// bare GET is (eleven sequential <c>GetAsync</c> calls − one) ÷ 10 on the same unfinished answer. The
/// <c>Beyond GET</c> column is the difference. Goal: zero bytes.
/// </summary>
/// <remarks>
/// The delays are one tick (Polly's backoff capped there), which the runtime completes at once: what is measured is
/// the SDK's work per round, not a timer. A real wait also allocates the runtime's timer for each delay.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[Config(typeof(PollRoundConfig))]
public class PollRoundBenchmarks
{
    /// <summary>Unfinished polls in the long wait, before the completed one.</summary>
    public const int ExtraRounds = 10;

    private const string ApiKey = "pplx-benchmark-0000000000000000000000000000000000000000";
    private static readonly Uri BaseAddress = new("https://api.perplexity.ai/");

    private readonly PollingOptions _polling = new()
    {
        InitialDelay = TimeSpan.FromTicks(1),
        MaxDelay = TimeSpan.FromTicks(1),
        UseJitter = false,
    };

    private byte[] _unfinished = [];
    private byte[] _completed = [];
    private int _unfinishedLeft;
    private HttpClient _http = null!;
    private PerplexityAsyncClient _sdk = null!;
    private string _requestId = string.Empty;

    /// <summary>
    /// Whether the handler answers asynchronously, as the network does: every async method between the caller and the
    /// handler then suspends once per request, which is when a state machine that is not pooled allocates.
    /// </summary>
    [Params(false, true)]
    public bool Asynchronous { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _unfinished = Payloads.Payloads.Get(PayloadKind.Created);
        _requestId = Payloads.Payloads.RequestId(PayloadKind.Created);
        _completed = Payloads.Payloads.WithRequestId(PayloadKind.Sonar, _requestId);
        var handler = new InMemoryHandler(_ => Interlocked.Decrement(ref _unfinishedLeft) >= 0 ? _unfinished : _completed, Asynchronous);
        _http = new HttpClient(handler);
        // Polls skip the transport retries (the wait retries them itself), so the bare GETs skip them too: otherwise
        // their retry pipeline's per-call cost would be counted as part of "the GET".
        _sdk = new PerplexityAsyncClient(_http, new PerplexityAsyncClientOptions { ApiKey = ApiKey, BaseAddress = BaseAddress, MaxRetries = 0 });

        // Each side does what it says: the GETs see the unfinished job, the waits send 1 and 11 requests.
        Expect((await GetOnce()).Response is null, "the GET reads an unfinished job");
        handler.ResetCount();
        Expect((await GetElevenTimes()).Response is null && handler.Requests == ExtraRounds + 1, "eleven GETs");
        handler.ResetCount();
        Expect((await WaitOnePoll()).Response is not null && handler.Requests == 1, "one poll");
        handler.ResetCount();
        Expect((await WaitElevenPolls()).Response is not null && handler.Requests == ExtraRounds + 1, "eleven polls");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _http.Dispose();
    }

    /// <summary>One GET of the unfinished job: the HTTP exchange a poll round sends.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Categories.PollRound)]
    public Task<AsyncApiChatCompletionsResponse> GetOnce()
    {
        _unfinishedLeft = int.MaxValue;
        return _sdk.Sonar.GetAsync(_requestId);
    }

    /// <summary>Eleven GETs of the unfinished job, one after the other.</summary>
    [Benchmark]
    [BenchmarkCategory(Categories.PollRound)]
    public async Task<AsyncApiChatCompletionsResponse> GetElevenTimes()
    {
        _unfinishedLeft = int.MaxValue;
        var last = await _sdk.Sonar.GetAsync(_requestId);
        for (var i = 0; i < ExtraRounds; i++)
        {
            last = await _sdk.Sonar.GetAsync(_requestId);
        }

        return last;
    }

    /// <summary>A wait whose first poll finds the job completed: the fixed cost of a wait.</summary>
    [Benchmark]
    [BenchmarkCategory(Categories.PollRound)]
    public Task<AsyncApiChatCompletionsResponse> WaitOnePoll()
    {
        _unfinishedLeft = 0;
        return _sdk.Sonar.WaitForCompletionAsync(_requestId, _polling, CancellationToken.None);
    }

    /// <summary>A wait of ten unfinished polls and the completed one.</summary>
    [Benchmark]
    [BenchmarkCategory(Categories.PollRound)]
    public Task<AsyncApiChatCompletionsResponse> WaitElevenPolls()
    {
        _unfinishedLeft = ExtraRounds;
        return _sdk.Sonar.WaitForCompletionAsync(_requestId, _polling, CancellationToken.None);
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Poll round setup check failed: " + what + ".");
        }
    }
}
