using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using Perplexity.Async.Testing;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Waiting;

/// <summary>
/// RunAsync, and WaitForAllAsync on jobs it did not create, end to end against the emulator on a driven clock. Jobs
/// take the emulator's default times: CREATED for 1 s, IN_PROGRESS until 4 s.
/// </summary>
public sealed class RunAsyncTests : IDisposable
{
    private readonly TestClock _clock = new();
    private readonly PerplexityEmulator _emulator;
    private readonly List<IDisposable> _disposables = [];

    public RunAsyncTests() => _emulator = new PerplexityEmulator(_clock);

    public static TheoryData<string, string> Routes => new()
    {
        { "sonar", "/v1/async/sonar" },
        { "chat", "/async/chat/completions" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task RunAsync_NewJob_CreatesThenPollsFromTheFirstDelayAndReturnsTheCompletedEnvelope(string route, string path)
    {
        var client = CreateSut();
        var sut = route == "sonar" ? client.Sonar : client.ChatCompletions;
        var progress = new PollingTestBase.RecordingProgress();

        var result = await _clock.DriveAsync(sut.RunAsync(NewRequest(), Exact(), progress, CancellationToken.None));

        result.Status.ShouldBe(AsyncProcessingStatus.Completed);
        result.Response.ShouldNotBeNull().Text.ShouldNotBeNullOrWhiteSpace();
        result.Id.ShouldBe(_emulator.Jobs.ShouldHaveSingleItem().Id);
        var requests = _emulator.Requests;
        requests.Select(r => (r.Method.Method, r.Path)).ShouldBe(
            [("POST", path), ("GET", path + "/" + result.Id), ("GET", path + "/" + result.Id), ("GET", path + "/" + result.Id)]);

        // The created envelope is the first state: no GET at once, then 1, 2 and 4 s apart.
        requests.Select(r => r.ReceivedAt - TestClock.Epoch).ShouldBe(
            [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(7)]);
        progress.Statuses.ShouldBe(["CREATED", "IN_PROGRESS", "COMPLETED"]);
    }

    [Fact]
    public async Task RunAsync_CancellationTokenOverload_PollsWithTheClientDefault()
    {
        var client = CreateSut(o => o.Polling = Exact(p => p.BackoffType = PollingBackoffType.Constant));

        var result = await _clock.DriveAsync(client.Sonar.RunAsync(NewRequest(), CancellationToken.None));

        result.Response.ShouldNotBeNull();
        _emulator.Requests.Select(r => r.ReceivedAt - TestClock.Epoch).ShouldBe(
            [.. new[] { 0, 1, 2, 3, 4 }.Select(s => TimeSpan.FromSeconds(s))]);
    }

    [Fact]
    public async Task RunAsync_PollAnswers503_IsRetriedOnTheWaitsBackoffNotByTheTransport()
    {
        var client = CreateSut();
        var progress = new Callback(_ =>
        {
            if (_emulator.Requests.Count == 1)
            {
                _emulator.Faults.Next(1, HttpMethod.Get).RespondWith(HttpStatusCode.ServiceUnavailable);
            }
        });

        await _clock.DriveAsync(client.Sonar.RunAsync(NewRequest(), Exact(), progress, CancellationToken.None));

        // Create at 0 s; the GET at 1 s fails and the next one comes on the wait's backoff (2 s later), not after the
        // transport's 0.5 s.
        _emulator.Requests.Select(r => r.ReceivedAt - TestClock.Epoch).Take(3)
            .ShouldBe([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)]);
    }

    [Fact]
    public async Task RunAsync_JobFails_ThrowsJobFailedExceptionWithTheEnvelope()
    {
        _emulator.Script.ForAnyJob().FailWith("upstream model unavailable");

        var ex = await Should.ThrowAsync<PerplexityJobFailedException>(
            _clock.DriveAsync(CreateSut().Sonar.RunAsync(NewRequest(), Exact(), CancellationToken.None)));

        ex.Envelope.Status.ShouldBe(AsyncProcessingStatus.Failed);
        ex.ErrorMessage.ShouldBe("upstream model unavailable");
        ex.RequestId.ShouldBe(_emulator.Jobs.ShouldHaveSingleItem().Id);
    }

    [Fact]
    public async Task RunAsync_PollingRequestOptions_GoWithTheCreateAndEveryPoll()
    {
        var options = new AsyncRequestOptions { ClientName = "batch-runner" };

        await _clock.DriveAsync(CreateSut().Sonar.RunAsync(NewRequest(), Exact(p => p.RequestOptions = options), CancellationToken.None));

        var requests = _emulator.Requests;
        requests.Count.ShouldBe(4);
        requests.ShouldAllBe(r => r.Header("x-client-name") == "batch-runner");
        // The key is create-only: RunAsync generates one (AsyncCreateOptions carries a caller's key to CreateAsync).
        var key = JsonNode.Parse(requests[0].Body!)!["idempotency_key"]!.GetValue<string>();
        key.Length.ShouldBe(32);
        _emulator.Jobs.ShouldHaveSingleItem().IdempotencyKey.ShouldBe(key);
    }

    [Fact]
    public async Task RunAsync_CreateFailsTransientlyOnce_IsRetriedWithTheSameKeyAndStartsOneJob()
    {
        _emulator.Faults.Next(1, HttpMethod.Post).RespondWith(HttpStatusCode.ServiceUnavailable);

        var result = await _clock.DriveAsync(CreateSut().Sonar.RunAsync(NewRequest(), Exact(), CancellationToken.None));

        result.Response.ShouldNotBeNull();
        var posts = _emulator.Requests.Where(r => r.Method == HttpMethod.Post).ToList();
        posts.Select(r => r.StatusCode).ShouldBe([HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK]);
        posts.Select(r => JsonNode.Parse(r.Body!)!["idempotency_key"]!.GetValue<string>()).Distinct().Count().ShouldBe(1);
        _emulator.Jobs.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task RunAsync_CreateRefused_ThrowsWithoutPolling()
    {
        _emulator.Faults.Next(1, HttpMethod.Post).RespondWith(HttpStatusCode.UnprocessableEntity);

        await Should.ThrowAsync<PerplexityValidationException>(
            _clock.DriveAsync(CreateSut().Sonar.RunAsync(NewRequest(), Exact(), CancellationToken.None)));

        _emulator.Requests.ShouldHaveSingleItem().Method.ShouldBe(HttpMethod.Post);
    }

    [Fact]
    public void RunAsync_InvalidRequest_ThrowsBeforeAnyRequest()
    {
        var request = new ChatCompletionRequest { Model = " ", Messages = [ChatRequestMessage.User("hi")] };

        var ex = Should.Throw<ArgumentException>(() => CreateSut().Sonar.RunAsync(request, CancellationToken.None));

        ex.ParamName.ShouldBe("request");
        ex.Message.ShouldContain("Model");
        Should.Throw<ArgumentNullException>(() => CreateSut().Sonar.RunAsync(null!, CancellationToken.None));
        Should.Throw<ArgumentOutOfRangeException>(() => CreateSut().Sonar.RunAsync(NewRequest(), new PollingOptions { MaxDelay = TimeSpan.Zero }, CancellationToken.None))
            .ParamName.ShouldBe("polling");
        _emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_Timeout_ThrowsTimeoutExceptionWithTheLastStateWhileTheJobRuns()
    {
        _emulator.Script.ForAnyJob().NeverFinish();

        var ex = await Should.ThrowAsync<PerplexityTimeoutException>(
            _clock.DriveAsync(CreateSut().Sonar.RunAsync(NewRequest(), Exact(p => p.Timeout = TimeSpan.FromSeconds(5)), CancellationToken.None)));

        ex.LastResponse.ShouldNotBeNull().Status.ShouldBe(AsyncProcessingStatus.InProgress);
        ex.Message.ShouldContain(_emulator.Jobs.ShouldHaveSingleItem().Id);
        _clock.Elapsed.ShouldBe(TimeSpan.FromSeconds(5));
        _emulator.Jobs[0].Status.ShouldBe(AsyncProcessingStatus.InProgress);
    }

    [Fact]
    public async Task RunAsync_CancelledDuringTheFirstDelay_ThrowsAtOnceAfterTheCreate()
    {
        using var cts = new CancellationTokenSource();
        var run = CreateSut().Sonar.RunAsync(NewRequest(), Exact(), null, cts.Token);
        await _clock.WaitUntilSettledAsync(run);

        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(run);
        _emulator.Requests.ShouldHaveSingleItem().Method.ShouldBe(HttpMethod.Post);
        _clock.Elapsed.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task WaitForAllAsync_FiveEmulatedJobsFinishingAtDifferentRounds_OneListPerRoundPlusOneGetPerNewlyFinishedJob()
    {
        // Rounds at 0, 1, 3, 7 and 15 s; each job is CREATED for 1 s and then runs for its own time.
        var finishes = new[] { 1.5, 2.5, 2.8, 6.0, 12.0 };
        for (var i = 0; i < finishes.Length; i++)
        {
            var script = _emulator.Script.ForJob("job" + i).RunningFor(TimeSpan.FromSeconds(finishes[i] - 1));
            if (i == 2)
            {
                script.FailWith("quota exceeded");
            }

            _emulator.AddJob("question " + i, id: "job" + i);
        }

        var given = new[] { "job4", "job2", "job0", "job3", "job1" };

        var ex = await Should.ThrowAsync<PerplexityJobsFailedException>(
            _clock.DriveAsync(CreateSut().Sonar.WaitForAllAsync(given, Exact(), CancellationToken.None)));

        ex.Results.Select(r => r.Id).ShouldBe(given);
        ex.FailedJobs.ShouldHaveSingleItem().ErrorMessage.ShouldBe("quota exceeded");
        ex.Results.Where(r => r.Id != "job2").ShouldAllBe(r => r.Status == AsyncProcessingStatus.Completed && r.Response != null);
        var rounds = _emulator.Requests
            .GroupBy(r => r.ReceivedAt - TestClock.Epoch)
            .Select(g => (g.Key.TotalSeconds, Lists: g.Count(r => r.Path == "/v1/async/sonar"), Gets: g.Count(r => r.Path != "/v1/async/sonar")))
            .ToList();
        rounds.ShouldBe([(0d, 1, 0), (1d, 1, 0), (3d, 1, 3), (7d, 1, 1), (15d, 1, 1)]);
    }

    public void Dispose()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        _emulator.Dispose();
    }


    private static ChatCompletionRequest NewRequest() => new()
    {
        Model = "sonar-deep-research",
        Messages = [ChatRequestMessage.User("How do heat pumps work?")],
    };

    private static PollingOptions Exact(Action<PollingOptions>? configure = null)
    {
        var polling = new PollingOptions { UseJitter = false };
        configure?.Invoke(polling);
        return polling;
    }

    // The emulator answers in memory without telling the clock, so the request timeout (a timer made as each call
    // starts) is off; jitter off makes the create's retry delay exact.
    private PerplexityAsyncClient CreateSut(Action<PerplexityAsyncClientOptions>? configure = null)
    {
        var options = new PerplexityAsyncClientOptions
        {
            ApiKey = "pplx-test",
            BaseAddress = _emulator.BaseAddress,
            TimeProvider = _clock,
            RequestTimeout = null,
            UseRetryJitter = false,
        };
        configure?.Invoke(options);
        var client = _emulator.CreateClient(options);
        _disposables.Add(client);
        return client;
    }
}
