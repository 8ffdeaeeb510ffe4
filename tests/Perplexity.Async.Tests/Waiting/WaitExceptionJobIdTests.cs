using System.Net;
using System.Net.Http;
using System.Threading;
using Perplexity.Async.Testing;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Waiting;

/// <summary>
/// Every exception out of a run or a wait carries the job's id: the job keeps running (and costing) on the server,
/// and its id is what a caller needs to pick it up again.
/// </summary>
public sealed class WaitExceptionJobIdTests : IDisposable
{
    private readonly TestClock _clock = new();
    private readonly PerplexityEmulator _emulator;
    private readonly PerplexityAsyncClient _client;

    public WaitExceptionJobIdTests()
    {
        _emulator = new PerplexityEmulator(_clock);
        _client = _emulator.CreateClient(new PerplexityAsyncClientOptions
        {
            ApiKey = "pplx-test",
            BaseAddress = _emulator.BaseAddress,
            TimeProvider = _clock,
            RequestTimeout = null,
            MaxRetries = 0,
        });
    }

    [Fact]
    public async Task RunAsync_PollingTimesOut_TimeoutCarriesTheJobId()
    {
        _emulator.Script.ForAnyJob().NeverFinish();

        var ex = await Should.ThrowAsync<PerplexityTimeoutException>(
            _clock.DriveAsync(_client.Sonar.RunAsync(Request(), Polling(TimeSpan.FromSeconds(30)), CancellationToken.None)));

        ex.JobId.ShouldBe(_emulator.Jobs.ShouldHaveSingleItem().Id);
        ex.Message.ShouldContain(ex.JobId!);
    }

    [Fact]
    public async Task RunAsync_PollGetsANonTransientError_ItCarriesTheJobId()
    {
        var progress = new Callback(_ => _emulator.Faults.Next(1, HttpMethod.Get).RespondWith(HttpStatusCode.Forbidden));

        var ex = await Should.ThrowAsync<PerplexityAuthenticationException>(
            _clock.DriveAsync(_client.Sonar.RunAsync(Request(), Polling(), progress, CancellationToken.None)));

        ex.JobId.ShouldBe(_emulator.Jobs.ShouldHaveSingleItem().Id);
    }

    [Fact]
    public async Task RunAsync_TransientFailuresExhaustTheBudget_TheLastOneCarriesTheJobId()
    {
        var polling = Polling();
        polling.MaxConsecutiveFailures = 2;
        var progress = new Callback(_ => _emulator.Faults.Next(5, HttpMethod.Get).FailConnection());

        var ex = await Should.ThrowAsync<PerplexityConnectionException>(
            _clock.DriveAsync(_client.Sonar.RunAsync(Request(), polling, progress, CancellationToken.None)));

        ex.JobId.ShouldBe(_emulator.Jobs.ShouldHaveSingleItem().Id);
    }

    [Fact]
    public async Task RunAsync_CallerCancelsWhileWaiting_CancellationCarriesTheJobIdAndIsAnOperationCanceledException()
    {
        using var cts = new CancellationTokenSource();
        var created = new TaskCompletionSource();
        var run = _client.Sonar.RunAsync(Request(), Polling(), new Callback(_ => created.TrySetResult()), cts.Token);
        await created.Task;
        await _clock.WaitUntilSettledAsync(run);

        await cts.CancelAsync();

        // Awaited directly: a task cancelled by an OperationCanceledException rethrows that very exception when awaited
        // (Shouldly's ThrowAsync would see only the task's Canceled state).
        var ex = (await Record.ExceptionAsync(() => run)).ShouldBeOfType<PerplexityWaitCanceledException>();
        run.IsCanceled.ShouldBeTrue();
        ex.CancellationToken.ShouldBe(cts.Token);
        ex.JobId.ShouldBe(_emulator.Jobs.ShouldHaveSingleItem().Id);
        ex.Message.ShouldContain(ex.JobId!);
    }

    [Fact]
    public async Task WaitForCompletionAsync_JobFails_FailureCarriesTheJobId()
    {
        _emulator.Script.ForAnyJob().FailWith("no capacity");
        var job = _emulator.AddJob("Why?");

        var ex = await Should.ThrowAsync<PerplexityJobFailedException>(
            _clock.DriveAsync(_client.Sonar.WaitForCompletionAsync(job.Id, Polling(), CancellationToken.None)));

        ex.JobId.ShouldBe(job.Id);
    }

    [Fact]
    public async Task CreateAsync_Cancelled_IsAPlainOperationCanceledException()
    {
        // Before the job exists there is no id to carry.
        var ex = await Should.ThrowAsync<OperationCanceledException>(
            _client.Sonar.RunAsync(Request(), Polling(), new CancellationToken(canceled: true)));

        ex.ShouldNotBeOfType<PerplexityWaitCanceledException>();
    }

    public void Dispose() => _client.Dispose();

    private static PollingOptions Polling(TimeSpan? timeout = null) => new() { UseJitter = false, Timeout = timeout };

    private static ChatCompletionRequest Request() =>
        new() { Model = "sonar-deep-research", Messages = [ChatRequestMessage.User("Why is the sky blue?")] };
}
