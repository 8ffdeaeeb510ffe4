using System.Net;
using System.Net.Http;
using System.Threading;
using Hangfire;
using Perplexity.Async.Hangfire.Jobs;
using Perplexity.Async.Hangfire.Tests.TestSupport;

namespace Perplexity.Async.Hangfire.Tests.Jobs;

/// <summary>Durable runs on Hangfire.InMemory with an in-process server and the emulator.</summary>
public sealed class PerplexityRunJobTests : IDisposable
{
    private readonly HangfireHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task StartPerplexityRun_RunCompletes_HandlerGetsTheCompletedResponseOnce()
    {
        _h.StartServer();

        var startJobId = _h.Jobs.StartPerplexityRun<RecordingHandler>(HangfireHarness.Question());
        await _h.Signals.WaitForAsync(startJobId, "Succeeded");
        var runId = _h.Parameter(startJobId, RunParameters.RunId);
        _h.FinishRuns();
        await _h.Handled.WhenCount(1);
        await _h.Signals.WaitAsync(e => e.Method == "CheckAsync" && e.State == "Succeeded" && _h.Parameter(startJobId, RunParameters.Handled) == e.JobId)
            .Within("the check that handled the run to succeed");

        var call = _h.Handled.Calls.ShouldHaveSingleItem();
        call.Response.Status.ShouldBe(AgentResponseStatus.Completed);
        call.Response.Id.ShouldBe(runId);
        call.Response.OutputText.ShouldNotBeNullOrWhiteSpace();
        call.Context.RunId.ShouldBe(runId);
        call.Context.StartJobId.ShouldBe(startJobId);
        call.Context.Attempt.ShouldBe(1);
        call.Context.Checks.ShouldBeGreaterThanOrEqualTo(1);
        _h.Creates.ShouldBe(1);
    }

    [Theory]
    [InlineData("failed")]
    [InlineData("incomplete")]
    [InlineData("cancelled")]
    public async Task StartPerplexityRun_RunEndsWithoutCompleting_HandlerGetsThatStatus(string status)
    {
        var script = _h.Emulator.Script.ForAgentPrompt("Will it end?");
        _ = status switch
        {
            "failed" => script.Fail(),
            "incomplete" => script.EndIncomplete("partial"),
            _ => script.CancelByServer(),
        };
        _h.StartServer();

        var startJobId = _h.Jobs.StartPerplexityRun<RecordingHandler>(HangfireHarness.Question("Will it end?"));
        await _h.Signals.WaitForAsync(startJobId, "Succeeded");
        _h.FinishRuns();
        await _h.Handled.WhenCount(1);

        _h.Handled.Calls.ShouldHaveSingleItem().Response.Status.Value.ShouldBe(status);
    }

    [Fact]
    public async Task StartAsync_RetriedAfterTheRunIdWasStored_NeverCreatesASecondRun()
    {
        _h.StartServer();
        var startJobId = _h.Jobs.StartPerplexityRun<RecordingHandler>(HangfireHarness.Question());
        await _h.Signals.WaitForAsync(startJobId, "Succeeded");
        var firstCheck = _h.Parameter(startJobId, RunParameters.FirstCheck);

        // Hangfire runs the same job again, with the parameters it stored (a retry, a requeue from the dashboard).
        _h.Jobs.Requeue(startJobId).ShouldBeTrue();
        await _h.Signals.WaitAsync(e => e.JobId == startJobId && e.State == "Succeeded" && _h.Signals.Events.Count(x => x.JobId == startJobId && x.State == "Succeeded") == 2)
            .Within("the requeued start job to succeed");
        _h.FinishRuns();
        await _h.Handled.WhenCount(1);

        _h.Creates.ShouldBe(1);
        _h.Parameter(startJobId, RunParameters.FirstCheck).ShouldBe(firstCheck);
        _h.Handled.Calls.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task StartAsync_CreateOutcomeUnknown_FailsAtOnceAndNeverCreatesAgain()
    {
        _h.Emulator.Faults.Next(1, HttpMethod.Post).RespondWith(HttpStatusCode.InternalServerError);
        _h.StartServer();

        var startJobId = _h.Jobs.StartPerplexityRun<RecordingHandler>(HangfireHarness.Question());
        var failed = await _h.Signals.WaitForAsync(startJobId, "Failed");

        failed.Exception.ShouldBeOfType<PerplexityCreateOutcomeUnknownException>(failed.Exception?.ToString());
        _h.Signals.Events.ShouldNotContain(e => e.JobId == startJobId && e.State == "Scheduled");
        _h.Parameter(startJobId, RunParameters.Create).ShouldBe(RunParameters.Unknown);

        // Even a requeue by hand (the emulator would now answer) does not send the create again.
        _h.Jobs.Requeue(startJobId).ShouldBeTrue();
        await _h.Signals.WaitAsync(e => e.JobId == startJobId && e.State == "Failed" && _h.Signals.Events.Count(x => x.JobId == startJobId && x.State == "Failed") == 2)
            .Within("the requeued start job to fail again");
        _h.Creates.ShouldBe(1);
        _h.Emulator.AgentRuns.Count.ShouldBe(0);
    }

    [Fact]
    public async Task StartAsync_EarlierAttemptStoppedAfterSending_FailsWithoutSendingTheCreate()
    {
        // The job's process stopped between sending the create and storing the answer: only the mark is there.
        var startJobId = _h.Jobs.StartPerplexityRun<RecordingHandler>(HangfireHarness.Question());
        using (var connection = _h.Storage.GetConnection())
        {
            connection.SetJobParameter(startJobId, RunParameters.Create, global::Hangfire.Common.SerializationHelper.Serialize(RunParameters.Sending));
        }

        _h.StartServer();
        var failed = await _h.Signals.WaitForAsync(startJobId, "Failed");

        failed.Exception.ShouldBeOfType<PerplexityCreateOutcomeUnknownException>().Message.ShouldContain("not sent again");
        _h.Creates.ShouldBe(0);
    }

    [Fact]
    public async Task StartAsync_CreateRefused_RetryCreatesTheRunOnce()
    {
        _h.Emulator.Faults.Next(1, HttpMethod.Post).RespondWith(HttpStatusCode.TooManyRequests);
        _h.StartServer();

        var startJobId = _h.Jobs.StartPerplexityRun<RecordingHandler>(HangfireHarness.Question());
        await _h.Signals.WaitForAsync(startJobId, "Scheduled");
        _h.Parameter(startJobId, RunParameters.Create).ShouldBe(RunParameters.Refused);
        _h.Jobs.Requeue(startJobId).ShouldBeTrue(); // what Hangfire's retry does later, now
        await _h.Signals.WaitForAsync(startJobId, "Succeeded");
        _h.FinishRuns();
        await _h.Handled.WhenCount(1);

        _h.Creates.ShouldBe(2); // the refused one and the one that started the run
        _h.Emulator.AgentRuns.Count.ShouldBe(1);
        _h.Handled.Calls.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task CheckAsync_TransientFailure_NextCheckCarriesOn()
    {
        _h.StartServer();
        var startJobId = _h.Jobs.StartPerplexityRun<RecordingHandler>(HangfireHarness.Question());
        await _h.Signals.WaitForAsync(startJobId, "Succeeded");
        _h.Emulator.Faults.Next(2, HttpMethod.Get).RespondWith(HttpStatusCode.ServiceUnavailable);
        _h.FinishRuns();
        await _h.Handled.WhenCount(1);

        _h.Emulator.Requests.Count(r => r.Method == HttpMethod.Get && r.StatusCode == HttpStatusCode.ServiceUnavailable).ShouldBe(2);
        _h.Handled.Calls.ShouldHaveSingleItem().Response.Status.ShouldBe(AgentResponseStatus.Completed);
        _h.Signals.Events.ShouldNotContain(e => e.State == "Failed");
    }

    [Fact]
    public async Task CheckAsync_RunStillWaitedOn_StartJobDoesNotExpireUntilHandled()
    {
        _h.StartServer();
        var startJobId = _h.Jobs.StartPerplexityRun<RecordingHandler>(HangfireHarness.Question());
        await _h.Signals.WaitForAsync(startJobId, "Succeeded");
        var succeeded = _h.Signals.Events.Count(e => e.Method == "CheckAsync" && e.State == "Succeeded");
        await _h.Signals.WaitAsync(e => e.Method == "CheckAsync" && e.State == "Succeeded"
                && _h.Signals.Events.Count(x => x.Method == "CheckAsync" && x.State == "Succeeded") > succeeded)
            .Within("a check after the start job succeeded");

        _h.Storage.GetMonitoringApi().JobDetails(startJobId).ExpireAt.ShouldBeNull(); // the run's marks stay

        _h.FinishRuns();
        await _h.Handled.WhenCount(1);
        await _h.Signals.WaitAsync(e => e.Method == "CheckAsync" && e.State == "Succeeded" && _h.Parameter(startJobId, RunParameters.Handled) == e.JobId)
            .Within("the check that handled the run to succeed");

        _h.Storage.GetMonitoringApi().JobDetails(startJobId).ExpireAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task CheckAsync_DuplicateCheckChain_HandlerCalledOnce()
    {
        _h.StartServer();
        var startJobId = _h.Jobs.StartPerplexityRun<RecordingHandler>(HangfireHarness.Question());
        await _h.Signals.WaitForAsync(startJobId, "Succeeded");
        var runId = _h.Parameter(startJobId, RunParameters.RunId)!;

        // A second chain of checks for the same run (as a crash between scheduling and recording a check could leave).
        var duplicate = _h.Jobs.Enqueue<PerplexityRunJob<RecordingHandler>>(j => j.CheckAsync(runId, startJobId, 1, 0, null, CancellationToken.None));
        await _h.Signals.WaitForAsync(duplicate, "Succeeded");
        _h.FinishRuns();
        await _h.Handled.WhenCount(1);
        var later = _h.Jobs.Enqueue<PerplexityRunJob<RecordingHandler>>(j => j.CheckAsync(runId, startJobId, 9, 0, null, CancellationToken.None));
        await _h.Signals.WaitForAsync(later, "Succeeded");

        _h.Handled.Calls.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task CheckAsync_HandlerThrows_HangfireRetryCallsItAgainWithTheNextAttempt()
    {
        _h.Handled.FailNext(1);
        _h.StartServer();
        var startJobId = _h.Jobs.StartPerplexityRun<RecordingHandler>(HangfireHarness.Question());
        await _h.Signals.WaitForAsync(startJobId, "Succeeded");
        _h.FinishRuns();
        await _h.Handled.WhenCount(2);
        var handledBy = await _h.Signals.WaitAsync(e => e.Method == "CheckAsync" && e.State == "Succeeded" && _h.Parameter(startJobId, RunParameters.Handled) == e.JobId)
            .Within("the retried check to succeed");

        _h.Handled.Calls.Select(c => c.Context.Attempt).ShouldBe([1, 2]);
        _h.Signals.Events.Count(e => e.JobId == handledBy.JobId && e.State == "Processing").ShouldBe(2); // Hangfire's retry of the same check
    }

    [Fact]
    public async Task StartPerplexityRun_ManyRuns_EachHandledOnce()
    {
        _h.StartServer(workers: 8);
        var starts = Enumerable.Range(0, 20).Select(i => _h.Jobs.StartPerplexityRun<RecordingHandler>(HangfireHarness.Question($"Question {i}?"))).ToList();
        foreach (var start in starts)
        {
            await _h.Signals.WaitForAsync(start, "Succeeded");
        }

        _h.FinishRuns();
        await _h.Handled.WhenCount(20);

        _h.Handled.Calls.Select(c => c.Context.RunId).Distinct().Count().ShouldBe(20);
        _h.Handled.Calls.Select(c => c.Context.StartJobId).OrderBy(x => x).ShouldBe(starts.OrderBy(x => x));
        _h.Creates.ShouldBe(20);
    }

    [Fact]
    public void StartAsync_DisplayName_NamesTheModelAndTheQuestion()
    {
        var job = global::Hangfire.Common.Job.FromExpression<PerplexityRunJob<RecordingHandler>>(
            j => j.StartAsync("fast: How do heat pumps work?", "{}", null, CancellationToken.None));
        var check = global::Hangfire.Common.Job.FromExpression<PerplexityRunJob<RecordingHandler>>(
            j => j.CheckAsync("resp_1", "7", 3, 0, null, CancellationToken.None));

        DisplayName(job).ShouldBe("Perplexity run: create (fast: How do heat pumps work?)");
        DisplayName(check).ShouldBe("Perplexity run resp_1: check 3");
    }

    [Fact]
    public void StartPerplexityRun_StreamOrForegroundRequest_ThrowsNamingTheProperty()
    {
        Should.Throw<ArgumentException>(() => _h.Jobs.StartPerplexityRun<RecordingHandler>(HangfireHarness.Question() with { Stream = true }))
            .Message.ShouldContain("Stream");
        Should.Throw<ArgumentException>(() => _h.Jobs.StartPerplexityRun<RecordingHandler>(HangfireHarness.Question() with { Background = false }))
            .Message.ShouldContain("Background");
        Should.Throw<ArgumentNullException>(() => ((IBackgroundJobClient)null!).StartPerplexityRun<RecordingHandler>(HangfireHarness.Question()));
    }

    private static string DisplayName(global::Hangfire.Common.Job job)
    {
        var attribute = (JobDisplayNameAttribute)job.Method.GetCustomAttributes(typeof(JobDisplayNameAttribute), false).Single();
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, attribute.DisplayName, job.Args.ToArray());
    }
}
