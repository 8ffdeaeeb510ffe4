using System.Net;
using System.Net.Http;
using System.Threading;
using Perplexity.Async.Waiting;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Waiting;

/// <summary>WaitForAllAsync over an in-memory API whose jobs finish at set times, on a clock the test drives.</summary>
public sealed class WaitForAllAsyncTests : IDisposable
{
    private static readonly TimeSpan[] RoundTimes = [.. new[] { 0, 1, 3, 7, 15, 30, 45 }.Select(s => TimeSpan.FromSeconds(s))];

    private readonly TestClock _clock = new();
    private readonly FakeJobsApi _api;
    private readonly List<IDisposable> _disposables = [];

    public WaitForAllAsyncTests() => _api = new FakeJobsApi(_clock);

    [Fact]
    public async Task WaitForAllAsync_FiveJobsFinishingAtDifferentRounds_OneListPerRoundPlusOneGetPerNewlyFinishedJob()
    {
        // Rounds come at 0, 1, 3, 7 and 15 s (no jitter): a finishes before the second, b and c before the third, d
        // before the fourth, e before the fifth.
        _api.Job("a", Seconds(0.5)).Job("b", Seconds(2)).Job("c", Seconds(2.5)).Job("d", Seconds(5)).Job("e", Seconds(10));
        var progress = new ChangeLog();

        var results = await _clock.DriveAsync(CreateSut().Sonar.WaitForAllAsync(["d", "a", "e", "c", "b"], Exact(), progress, CancellationToken.None));

        results.Select(r => r.Id).ShouldBe(["d", "a", "e", "c", "b"]);
        results.ShouldAllBe(r => r.Status == AsyncProcessingStatus.Completed && r.Response != null);
        _api.Rounds.ShouldBe(
        [
            (RoundTimes[0], 1, 0),
            (RoundTimes[1], 1, 1),
            (RoundTimes[2], 1, 2),
            (RoundTimes[3], 1, 1),
            (RoundTimes[4], 1, 1),
        ]);
        _api.Gets.Select(r => r.Uri.AbsolutePath[(FakeJobsApi.Route.Length + 1)..]).OrderBy(id => id, StringComparer.Ordinal)
            .ShouldBe(["a", "b", "c", "d", "e"]);
        _api.Lists.ShouldAllBe(r => r.Uri.Query == "?limit=20");

        // Each round's changes in the order the ids were given: first states from the list, then each change.
        progress.Entries.ShouldBe(
        [
            "d:CREATED", "a:CREATED", "e:CREATED", "c:CREATED", "b:CREATED",
            "d:IN_PROGRESS", "a:COMPLETED", "e:IN_PROGRESS", "c:IN_PROGRESS", "b:IN_PROGRESS",
            "c:COMPLETED", "b:COMPLETED",
            "d:COMPLETED",
            "e:COMPLETED",
        ]);
        progress.Completed.ShouldAllBe(r => r.Response != null);
    }

    [Fact]
    public async Task WaitForAllAsync_OneOfFiveFails_WaitsForTheOthersThenThrowsWithEveryEnvelope()
    {
        _api.Job("a", Seconds(0.5)).Job("b", Seconds(2), fails: true).Job("c", Seconds(2.5)).Job("d", Seconds(5)).Job("e", Seconds(10));

        var ex = await Should.ThrowAsync<PerplexityJobsFailedException>(
            _clock.DriveAsync(CreateSut().Sonar.WaitForAllAsync(["a", "b", "c", "d", "e"], Exact(), CancellationToken.None)));

        ex.ShouldBeAssignableTo<PerplexityException>();
        ex.Results.Select(r => r.Id).ShouldBe(["a", "b", "c", "d", "e"]);
        ex.Results.Select(r => r.Status.Value).ShouldBe(["COMPLETED", "FAILED", "COMPLETED", "COMPLETED", "COMPLETED"]);
        ex.Results.Where(r => r.Id != "b").ShouldAllBe(r => r.Response != null);
        var failed = ex.FailedJobs.ShouldHaveSingleItem();
        failed.Id.ShouldBe("b");
        failed.ErrorMessage.ShouldBe("The model could not complete the research: upstream search quota exceeded.");
        ex.Message.ShouldContain("1 of 5 jobs failed");
        ex.Message.ShouldContain("'b': The model could not complete the research");

        // The failure at 3 s did not end the wait: e finished at 15 s.
        _clock.Elapsed.ShouldBe(TimeSpan.FromSeconds(15));
        _api.Gets.Count.ShouldBe(5);
    }

    [Fact]
    public async Task WaitForAllAsync_IdsTheListDoesNotShow_AreFetchedByIdEveryRound()
    {
        _api.Job("old1", Seconds(2), listed: false).Job("old2", Seconds(5), listed: false).Job("a", Seconds(2)).Job("b", Seconds(5));

        var results = await _clock.DriveAsync(CreateSut().Sonar.WaitForAllAsync(["old1", "a", "old2", "b"], Exact(), CancellationToken.None));

        results.Select(r => r.Id).ShouldBe(["old1", "a", "old2", "b"]);
        results.ShouldAllBe(r => r.Response != null);

        // 0 s: list + old1, old2 by id; 1 s: the same; 3 s: list + old1 (done) and old2 by id, a (listed as done);
        // 7 s: list for b, old2 by id (done), b (listed as done).
        _api.Rounds.ShouldBe([(RoundTimes[0], 1, 2), (RoundTimes[1], 1, 2), (RoundTimes[2], 1, 3), (RoundTimes[3], 1, 2)]);
    }

    [Fact]
    public async Task WaitForAllAsync_JobsBehindNewerOnes_FollowsNextTokenOnlyUntilAllAreSeen()
    {
        _api.Others(25, "older_").Job("a", Seconds(2)).Job("b", Seconds(2)).Others(30);

        var results = await _clock.DriveAsync(CreateSut().Sonar.WaitForAllAsync(["a", "b"], Exact(), CancellationToken.None));

        results.Select(r => r.Id).ShouldBe(["a", "b"]);

        // Pages of 20, newest first: a and b are on the second page; the third (older jobs only) is never read.
        _api.Rounds.ShouldBe([(RoundTimes[0], 2, 0), (RoundTimes[1], 2, 0), (RoundTimes[2], 2, 2)]);
        _api.Lists.Select(r => r.Uri.Query).Distinct().ShouldBe(["?limit=20", "?limit=20&next_token=20"]);
    }

    [Fact]
    public async Task WaitForAllAsync_JobOlderThanTenPages_IsFetchedByIdAndTheListIsNotReadForItAgain()
    {
        _api.Job("a", Seconds(2)).Others(250);

        var results = await _clock.DriveAsync(CreateSut().Sonar.WaitForAllAsync(["a"], Exact(), CancellationToken.None));

        results.ShouldHaveSingleItem().Response.ShouldNotBeNull();
        _api.Rounds.ShouldBe([(RoundTimes[0], 10, 1), (RoundTimes[1], 0, 1), (RoundTimes[2], 0, 1)]);
    }

    [Fact]
    public async Task WaitForAllAsync_TransientFailuresReachTheLimit_ThrowsTheLastOne()
    {
        _api.Job("a", Seconds(2));
        _api.Intercept = _ => Api.Error(503);

        var ex = await Should.ThrowAsync<PerplexityServerException>(
            _clock.DriveAsync(CreateSut().Sonar.WaitForAllAsync(["a"], Exact(p => p.MaxConsecutiveFailures = 3), CancellationToken.None)));

        ex.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        _api.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task WaitForAllAsync_Requests_SkipTransportRetriesButProgressCallbacksDoNot()
    {
        _api.Job("a", Seconds(0.5));
        _api.Job("probe", Seconds(0));
        var failedOnce = new HashSet<string>();
        _api.Intercept = request =>
            failedOnce.Add(request.RequestUri!.PathAndQuery.Contains("probe", StringComparison.Ordinal) ? "probe" : "first")
                ? Api.Error(503)
                : null;
        var client = CreateSut();
        Task<AsyncApiChatCompletionsResponse>? probe = null;
        var done = new TaskCompletionSource();
        var progress = new Callback(_ =>
        {
            if (probe is null)
            {
                probe = client.Sonar.GetAsync("probe", CancellationToken.None);
                probe.ContinueWith(_ => done.SetResult(), TaskScheduler.Default);
            }
        });

        await _clock.DriveAsync(Task.WhenAll(client.Sonar.WaitForAllAsync(["a"], Exact(), progress, CancellationToken.None), done.Task));
        var probed = await probe!;

        // The wait's first request failed and was repeated on the wait's 1 s backoff, not the transport's 0.5 s; the
        // callback's GET failed once and was retried by the transport.
        _api.Requests.Where(r => !r.Uri.PathAndQuery.Contains("probe", StringComparison.Ordinal)).Take(2)
            .Select(r => r.At - TestClock.Epoch).ShouldBe([TimeSpan.Zero, TimeSpan.FromSeconds(1)]);
        probed.Id.ShouldBe("probe");
        _api.Requests.Count(r => r.Uri.PathAndQuery.Contains("probe", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public void PollingDefaults_WaitForAllLimits_AreTheDocumentedOnes()
    {
        PollingDefaults.MinListPageSize.ShouldBe(20);
        PollingDefaults.MaxListPageSize.ShouldBe(100);
        PollingDefaults.MaxListPagesPerRound.ShouldBe(10);
        PollingDefaults.MaxConcurrentGets.ShouldBe(8);
    }

    [Fact]
    public async Task WaitForAllAsync_ManyJobsFinishedAtOnce_GetsThemAtMostEightAtATime()
    {
        var ids = Enumerable.Range(0, 20).Select(i => "job" + i).ToList();
        foreach (var id in ids)
        {
            _api.Job(id, TimeSpan.Zero);
        }

        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var eighth = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inFlight = 0;
        var most = 0;
        _api.BeforeAnswer = async r =>
        {
            if (r.RequestUri!.AbsolutePath == FakeJobsApi.Route)
            {
                return;
            }

            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            if (now == 8)
            {
                eighth.TrySetResult();
            }

            await release.Task;
            Interlocked.Decrement(ref inFlight);
        };

        // Every job is finished in the first round, so no time has to pass: the GETs are held until eight are in flight.
        var wait = CreateSut().Sonar.WaitForAllAsync(ids, Exact(), CancellationToken.None);
        await eighth.Task.WaitAsync(TimeSpan.FromSeconds(15));
        release.SetResult();
        var results = await wait;

        results.Select(r => r.Id).ShouldBe(ids);
        _api.Gets.Count.ShouldBe(20);
        most.ShouldBe(8);
    }

    [Fact]
    public async Task WaitForAllAsync_MoreJobsThanTheDefaultPage_AsksForAPageOfThemAll()
    {
        var ids = Enumerable.Range(0, 30).Select(i => "job" + i).ToList();
        foreach (var id in ids)
        {
            _api.Job(id, Seconds(0.5));
        }

        var results = await _clock.DriveAsync(CreateSut().Sonar.WaitForAllAsync(ids, Exact(), CancellationToken.None));

        results.Select(r => r.Id).ShouldBe(ids);
        _api.Rounds.ShouldBe([(RoundTimes[0], 1, 0), (RoundTimes[1], 1, 30)]);
        _api.Lists.ShouldAllBe(r => r.Uri.Query == "?limit=30");
    }

    [Fact]
    public async Task WaitForAllAsync_ListRefusedWith422_PollsEveryJobById()
    {
        _api.Job("a", Seconds(0.5)).Job("b", Seconds(2));
        _api.Intercept = r => r.RequestUri!.AbsolutePath == FakeJobsApi.Route ? Api.Error(422) : null;

        var results = await _clock.DriveAsync(CreateSut().Sonar.WaitForAllAsync(["a", "b"], Exact(), CancellationToken.None));

        results.Select(r => r.Id).ShouldBe(["a", "b"]);
        _api.Rounds.ShouldBe([(RoundTimes[0], 1, 2), (RoundTimes[1], 0, 2), (RoundTimes[2], 0, 1)]);
    }

    [Fact]
    public async Task WaitForAllAsync_ListFailsTransiently_RetriesTheRoundHonouringRetryAfter()
    {
        _api.Job("a", Seconds(0.5));
        var failures = 1;
        _api.Intercept = r =>
        {
            if (r.RequestUri!.AbsolutePath != FakeJobsApi.Route || Interlocked.Decrement(ref failures) < 0)
            {
                return null;
            }

            var response = Api.Error(503);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(12));
            return response;
        };

        var results = await _clock.DriveAsync(CreateSut().Sonar.WaitForAllAsync(["a"], Exact(), CancellationToken.None));

        results.ShouldHaveSingleItem().Response.ShouldNotBeNull();
        _api.Rounds.ShouldBe([(TimeSpan.Zero, 1, 0), (TimeSpan.FromSeconds(12), 1, 1)]);
    }

    [Fact]
    public async Task WaitForAllAsync_GetOfOneJobFailsTransiently_KeepsTheOthersAndRetriesOnlyIt()
    {
        _api.Job("a", Seconds(0.5)).Job("b", Seconds(0.5));
        var failures = 1;
        _api.Intercept = r => r.RequestUri!.AbsolutePath.EndsWith("/b", StringComparison.Ordinal) && Interlocked.Decrement(ref failures) >= 0
            ? Api.Error(500)
            : null;

        var results = await _clock.DriveAsync(CreateSut().Sonar.WaitForAllAsync(["a", "b"], Exact(), CancellationToken.None));

        results.Select(r => r.Id).ShouldBe(["a", "b"]);
        _api.Rounds.ShouldBe([(RoundTimes[0], 1, 0), (RoundTimes[1], 1, 2), (RoundTimes[2], 1, 1)]);
        _api.Gets.Count(r => r.Uri.AbsolutePath.EndsWith("/a", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task WaitForAllAsync_UnknownId_EndsTheWaitWithNotFound()
    {
        _api.Job("a", Seconds(5));

        var ex = await Should.ThrowAsync<PerplexityNotFoundException>(
            _clock.DriveAsync(CreateSut().Sonar.WaitForAllAsync(["a", "missing"], Exact(), CancellationToken.None)));

        ex.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        _api.Rounds.ShouldBe([(TimeSpan.Zero, 1, 1)]);
    }

    [Fact]
    public async Task WaitForAllAsync_RepeatedIds_WaitsForEachJobOnceAndKeepsEveryPosition()
    {
        _api.Job("a", Seconds(0.5)).Job("b", Seconds(0.5));

        var results = await _clock.DriveAsync(CreateSut().Sonar.WaitForAllAsync(["a", "b", "a"], Exact(), CancellationToken.None));

        results.Select(r => r.Id).ShouldBe(["a", "b", "a"]);
        results[2].ShouldBeSameAs(results[0]);
        _api.Gets.Count.ShouldBe(2);
    }

    [Fact]
    public async Task WaitForAllAsync_Empty_ReturnsEmptyWithoutARequest()
    {
        var results = await CreateSut().Sonar.WaitForAllAsync([], CancellationToken.None);

        results.ShouldBeEmpty();
        _api.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void WaitForAllAsync_NullList_ThrowsArgumentNullExceptionBeforeAnyRequest()
    {
        var ex = Should.Throw<ArgumentNullException>(() => CreateSut().Sonar.WaitForAllAsync(null!, CancellationToken.None));

        ex.ParamName.ShouldBe("requestIds");
        _api.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null, "null")]
    [InlineData("", "empty or whitespace")]
    [InlineData("  ", "empty or whitespace")]
    [InlineData("..", "is not a request id")]
    public void WaitForAllAsync_InvalidId_ThrowsNamingItsPositionBeforeAnyRequest(string? id, string problem)
    {
        var ex = Should.Throw<ArgumentException>(() => CreateSut().Sonar.WaitForAllAsync(["a", id!, "b"], CancellationToken.None));

        ex.ShouldNotBeOfType<ArgumentNullException>();
        ex.ParamName.ShouldBe("requestIds");
        ex.Message.ShouldContain("requestIds[1]");
        ex.Message.ShouldContain(problem);
        _api.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void WaitForAllAsync_InvalidPollingOptions_ThrowsNamingTheSetting()
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(
            () => CreateSut().Sonar.WaitForAllAsync(["a"], new PollingOptions { MaxConsecutiveFailures = 0 }, null, CancellationToken.None));

        ex.ParamName.ShouldBe("polling");
        ex.Message.ShouldContain("MaxConsecutiveFailures");
        _api.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task WaitForAllAsync_Timeout_ThrowsTimeoutExceptionCountingThePendingJobs()
    {
        _api.Job("a", Seconds(0.5)).Job("b", finishesAfter: null).Job("c", finishesAfter: null);

        var ex = await Should.ThrowAsync<PerplexityTimeoutException>(
            _clock.DriveAsync(CreateSut().Sonar.WaitForAllAsync(["a", "b", "c"], Exact(p => p.Timeout = TimeSpan.FromSeconds(10)), CancellationToken.None)));

        ex.Timeout.ShouldBe(TimeSpan.FromSeconds(10));
        ex.LastResponse.ShouldBeNull();
        ex.Message.ShouldContain("1 finished, 2 still pending: 'b' (IN_PROGRESS), 'c' (IN_PROGRESS)");
        _clock.Elapsed.ShouldBe(TimeSpan.FromSeconds(10));
        _clock.PendingTimers.ShouldBe(0);
    }

    [Fact]
    public async Task WaitForAllAsync_CancelledDuringADelay_ThrowsAtOnce()
    {
        _api.Job("a", finishesAfter: null);
        using var cts = new CancellationTokenSource();
        var wait = CreateSut().Sonar.WaitForAllAsync(["a"], Exact(), null, cts.Token);
        await _clock.WaitUntilSettledAsync(wait);

        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(wait);
        _clock.Elapsed.ShouldBe(TimeSpan.Zero);
        _api.Requests.Count.ShouldBe(1);
        _clock.PendingTimers.ShouldBe(0);
    }

    [Fact]
    public async Task WaitForAllAsync_CompletedWithoutResponse_FetchesItAgainNextRound()
    {
        _api.Job("a", Seconds(0.5));
        var bare = 1;
        _api.Intercept = r => r.RequestUri!.AbsolutePath.EndsWith("/a", StringComparison.Ordinal) && Interlocked.Decrement(ref bare) >= 0
            ? Api.Json(Api.EnvelopeJson("COMPLETED").Replace(Api.JobId, "a", StringComparison.Ordinal))
            : null;
        var progress = new PollingTestBase.RecordingProgress();

        var results = await _clock.DriveAsync(CreateSut().Sonar.WaitForAllAsync(["a"], Exact(), progress, CancellationToken.None));

        results.ShouldHaveSingleItem().Response.ShouldNotBeNull();
        _api.Rounds.ShouldBe([(RoundTimes[0], 1, 0), (RoundTimes[1], 1, 1), (RoundTimes[2], 1, 1)]);
        progress.Statuses.ShouldBe(["CREATED", "COMPLETED"]);
    }

    [Fact]
    public async Task WaitForAllAsync_NextTokensCycle_IsAProtocolErrorInsteadOfPagingTheRoundAway()
    {
        // A → B → A: only an immediate repeat used to be caught, so the round paged to its 10-page cap.
        var handler = new ScriptedHandler(_clock).Then((request, _) =>
        {
            var next = request.RequestUri!.Query.Contains("next_token=A", StringComparison.Ordinal) ? "B" : "A";
            return Task.FromResult(Api.Json($$"""{"requests":[],"next_token":"{{next}}"}"""));
        });

        var ex = await Should.ThrowAsync<PerplexityProtocolException>(
            _clock.DriveAsync(CreateSut(handler).Sonar.WaitForAllAsync(["not-listed"], Exact(), CancellationToken.None)));

        ex.Message.ShouldContain("'A'");
        handler.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task WaitForAllAsync_LegacyRoute_ListsAndGetsOnIt()
    {
        var handler = new ScriptedHandler(_clock)
            .Then(() => Api.Json($$"""{"requests":[{"id":"{{Api.JobId}}","model":"sonar","status":"COMPLETED","created_at":1763870400}],"next_token":null}"""))
            .ThenCompleted();

        var results = await _clock.DriveAsync(CreateSut(handler).ChatCompletions.WaitForAllAsync([Api.JobId], CancellationToken.None));

        results.ShouldHaveSingleItem().Response.ShouldNotBeNull();
        handler.Requests.Select(r => r.Uri.PathAndQuery).ShouldBe(["/async/chat/completions?limit=20", "/async/chat/completions/" + Api.JobId]);
    }

    [Fact]
    public async Task WaitForAllAsync_MockedClient_UsesItsOverriddenListAndGet()
    {
        var sut = new ListingClient();

        var results = await sut.WaitForAllAsync(["a", "b"], CancellationToken.None);

        results.Select(r => r.Id).ShouldBe(["a", "b"]);
        results.ShouldAllBe(r => r.Response!.Text == "done");
        sut.Lists.ShouldBe(1);
    }

    public void Dispose()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        _api.Dispose();
    }

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static PollingOptions Exact(Action<PollingOptions>? configure = null)
    {
        var polling = new PollingOptions { UseJitter = false };
        configure?.Invoke(polling);
        return polling;
    }

    private PerplexityAsyncClient CreateSut(HttpMessageHandler? handler = null)
    {
        var httpClient = new HttpClient(handler ?? _api, disposeHandler: false);
        var client = new PerplexityAsyncClient(httpClient, new PerplexityAsyncClientOptions
        {
            ApiKey = WireMockTestBase.ApiKey,
            BaseAddress = new Uri("https://api.test/"),
            TimeProvider = _clock,
            RequestTimeout = null,
        });
        _disposables.Add(client);
        _disposables.Add(httpClient);
        return client;
    }


    /// <summary>Records "id:STATUS" for each report, synchronously.</summary>
    private sealed class ChangeLog : IProgress<AsyncApiChatCompletionsResponse>
    {
        private readonly List<AsyncApiChatCompletionsResponse> _reports = [];

        public IReadOnlyList<string> Entries
        {
            get
            {
                lock (_reports)
                {
                    return _reports.Select(r => r.Id + ":" + r.Status.Value).ToList();
                }
            }
        }

        public IReadOnlyList<AsyncApiChatCompletionsResponse> Completed
        {
            get
            {
                lock (_reports)
                {
                    return _reports.Where(r => r.Status == AsyncProcessingStatus.Completed).ToList();
                }
            }
        }

        public void Report(AsyncApiChatCompletionsResponse value)
        {
            lock (_reports)
            {
                _reports.Add(value);
            }
        }
    }

    /// <summary>A client built by the mocking constructor (no HTTP, no clock): its list shows both jobs completed.</summary>
    private sealed class ListingClient : AsyncCompletionsClient
    {
        public int Lists { get; private set; }

        public override Task<AsyncChatCompletionsListResponse> ListPageAsync(
            string? nextToken = null, int? limit = null, AsyncRequestOptions? options = null, CancellationToken cancellationToken = default)
        {
            Lists++;
            return Task.FromResult(new AsyncChatCompletionsListResponse
            {
                Requests = [Summary("a", AsyncProcessingStatus.Completed), Summary("b", AsyncProcessingStatus.Completed)],
            });
        }

        public override Task<AsyncApiChatCompletionsResponse> GetAsync(
            string requestId, AsyncRequestOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(PerplexityModelFactory.AsyncApiChatCompletionsResponse(
                id: requestId, response: PerplexityModelFactory.CompletionResponse(text: "done")));

        private static AsyncChatCompletionSummary Summary(string id, AsyncProcessingStatus status) => new()
        {
            Id = id,
            Model = "sonar",
            Status = status,
            CreatedAt = PerplexityModelFactory.DefaultTimestamp,
        };
    }
}
