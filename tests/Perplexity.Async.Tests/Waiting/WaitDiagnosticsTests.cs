using System.Diagnostics;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Perplexity.Async.Diagnostics;
using Perplexity.Async.Tests.TestSupport;
using Perplexity.Async.Errors;
using Perplexity.Async.Waiting;
using Perplexity.Async.Transport;

namespace Perplexity.Async.Tests.Waiting;

public sealed class WaitDiagnosticsTests : IDisposable
{
    private const string ApiKey = "pplx-wait-key-0123456789";

    private readonly FakeTimeProvider _clock = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly string _route = "test-" + Guid.NewGuid().ToString("N");

    private string Template => _route + "/{api_request}";

    public void Dispose() => _logs.Dispose();

    [Fact]
    public void Polled_UntilCompleted_LogsEachStatusChangeOnceAndTheCompletion()
    {
        using (var wait = CreateSut("job-1"))
        {
            wait.Polled(Envelope("job-1", "CREATED"));
            wait.Polled(Envelope("job-1", "IN_PROGRESS"));
            wait.Polled(Envelope("job-1", "IN_PROGRESS"));
            _clock.Advance(TimeSpan.FromSeconds(12));
            wait.Polled(Completed("job-1", "model-x"));
            wait.Polls.ShouldBe(4);
        }

        var changes = _logs.Entries.Where(e => e.EventId.Id == 2001).ToList();
        changes.Select(e => (e["PreviousStatus"], e["Status"], e["Polls"])).ShouldBe(
        [
            ("none", "CREATED", 1),
            ("CREATED", "IN_PROGRESS", 2),
            ("IN_PROGRESS", "COMPLETED", 4),
        ]);
        changes.ShouldAllBe(e => Equals(e["RouteTemplate"], Template) && Equals(e["RequestId"], "job-1"));
        var completed = _logs.Entries.Single(e => e.EventId.Id == 2003);
        completed["Polls"].ShouldBe(4);
        completed["ElapsedMilliseconds"].ShouldBe(12000d);
    }

    [Fact]
    public void Polled_Failed_LogsJobFailedWithTheKeyRedacted()
    {
        using (var wait = CreateSut("job-2"))
        {
            wait.Polled(Envelope("job-2", "IN_PROGRESS"));
            wait.Polled(Envelope("job-2", "FAILED") with { ErrorMessage = $"upstream rejected key {ApiKey}" });
        }

        var failed = _logs.Entries.Single(e => e.EventId.Id == 2002);
        failed.Level.ShouldBe(LogLevel.Error);
        failed["ErrorMessage"].ShouldBe("upstream rejected key [REDACTED]");
        failed["Polls"].ShouldBe(2);
        _logs.AllText.ShouldNotContain(ApiKey);
    }

    [Fact]
    public void Dispose_AfterCompletion_EndsASpanWithRouteRequestIdStatusAndPolls()
    {
        using var capture = new TelemetryCapture();
        using (var wait = CreateSut("job-3"))
        {
            wait.Activity.ShouldNotBeNull();
            wait.Polled(Envelope("job-3", "IN_PROGRESS"));
            wait.Polled(Completed("job-3", "model-y"));
        }

        var span = capture.Activities.Single(a => Equals(a.GetTagItem("perplexity.route"), Template));
        span.DisplayName.ShouldBe("wait " + Template);
        span.Kind.ShouldBe(ActivityKind.Internal);
        span.Status.ShouldBe(ActivityStatusCode.Unset);
        span.GetTagItem("perplexity.request_id").ShouldBe("job-3");
        span.GetTagItem("perplexity.job.status").ShouldBe("COMPLETED");
        span.GetTagItem("perplexity.polls").ShouldBe(2);
        span.GetTagItem("gen_ai.response.model").ShouldBe("model-y");
        span.GetTagItem("gen_ai.usage.input_tokens").ShouldBe(38);
        span.GetTagItem("gen_ai.usage.output_tokens").ShouldBe(2874);
        span.GetTagItem("error.type").ShouldBeNull();
    }

    [Fact]
    public void Dispose_AfterPolls_RecordsPollCountsAndWaitDurationByStatus()
    {
        using var capture = new TelemetryCapture();
        using (var wait = CreateSut("job-4"))
        {
            wait.Polled(Envelope("job-4", "CREATED"));
            wait.Polled(Envelope("job-4", "IN_PROGRESS"));
            wait.Polled(Envelope("job-4", "IN_PROGRESS"));
            _clock.Advance(TimeSpan.FromSeconds(30));
            wait.Polled(Envelope("job-4", "FAILED"));
        }

        var polls = capture.MeasurementsOf("perplexity.client.polls", "perplexity.route", Template);
        polls.Sum(m => m.Value).ShouldBe(4);
        polls.Count(m => Equals(m.Tags["perplexity.job.status"], "IN_PROGRESS")).ShouldBe(2);
        polls.ShouldAllBe(m => m.Unit == "{poll}");

        var duration = capture.MeasurementsOf("perplexity.client.wait.duration", "perplexity.route", Template).ShouldHaveSingleItem();
        duration.Value.ShouldBe(30);
        duration.Unit.ShouldBe("s");
        duration.Tags["perplexity.job.status"].ShouldBe("FAILED");
        duration.Tags["error.type"].ShouldBe("FAILED");
    }

    [Fact]
    public void Failed_TimedOut_TagsSpanAndDurationWithTheExceptionType()
    {
        using var capture = new TelemetryCapture();
        using (var wait = CreateSut("job-5"))
        {
            wait.Polled(Envelope("job-5", "IN_PROGRESS"));
            wait.Failed(new TimeoutException($"gave up, key {ApiKey}")).ShouldBeFalse();
        }

        var span = capture.Activities.Single(a => Equals(a.GetTagItem("perplexity.route"), Template));
        span.Status.ShouldBe(ActivityStatusCode.Error);
        span.StatusDescription.ShouldBe("gave up, key [REDACTED]");
        span.GetTagItem("error.type").ShouldBe("System.TimeoutException");
        span.GetTagItem("perplexity.job.status").ShouldBe("IN_PROGRESS");
        var duration = capture.MeasurementsOf("perplexity.client.wait.duration", "perplexity.route", Template).ShouldHaveSingleItem();
        duration.Tags["error.type"].ShouldBe("System.TimeoutException");
    }

    [Fact]
    public void Dispose_Twice_RecordsOnce()
    {
        using var capture = new TelemetryCapture();
        var wait = CreateSut("job-6");
        wait.Dispose();
        wait.Dispose();

        capture.MeasurementsOf("perplexity.client.wait.duration", "perplexity.route", Template).ShouldHaveSingleItem();
    }

    [Fact]
    public void StatusChanged_ServerStatusEchoesTheKey_IsRedactedInLogsTagsAndMetrics()
    {
        using var capture = new TelemetryCapture();
        using (var wait = CreateSut("job-7"))
        {
            wait.Polled(Envelope("job-7", "RUNNING-" + ApiKey));
        }

        _logs.AllText.ShouldNotContain(ApiKey);
        capture.MeasurementsOf("perplexity.client.polls", "perplexity.route", Template)
            .ShouldAllBe(m => !((string)m.Tags["perplexity.job.status"]!).Contains(ApiKey));
        var span = capture.Activities.Single(a => Equals(a.GetTagItem("perplexity.route"), Template));
        ((string)span.GetTagItem("perplexity.job.status")!).ShouldBe("RUNNING-[REDACTED]");
    }

    [Fact]
    public async Task Polled_FromConcurrentWorkers_CountsEveryPoll()
    {
        // A wait on many runs polls from several workers at once (AgentBatchWait): no poll may be lost from the count
        // (it was a plain increment; the span of a three-run wait once said 11 polls for 12 requests).
        const int Workers = 4;
        const int PollsEach = 50_000;
        using var wait = CreateSut("job-many");
        using var start = new Barrier(Workers);

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                for (var i = 0; i < PollsEach; i++)
                {
                    wait.Diagnostics.Polled("in_progress");
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)));

        wait.Polls.ShouldBe(Workers * PollsEach);
    }

    private Sut CreateSut(string requestId) =>
        new(new WaitServices(_clock, _logs.CreateLogger("wait"), new Redactor(ApiKey), PollingSettings.Default), _route, requestId);

    /// <summary>A wait's diagnostics fed by a single-job round, one scripted envelope per poll.</summary>
    private sealed class Sut : IDisposable
    {
        private readonly Queue<AsyncApiChatCompletionsResponse> _next = new();
        private readonly SingleJobWait<AsyncApiChatCompletionsResponse> _round;

        public Sut(WaitServices services, string route, string jobId)
        {
            _round = new(new SonarJobKind(route), jobId, (_, _) => Task.FromResult(_next.Dequeue()), seed: null, onChange: null);
            Diagnostics = WaitDiagnostics.Start(services, _round);
        }

        public WaitDiagnostics Diagnostics { get; }

        public int Polls => Diagnostics.Polls;

        public Activity? Activity => Diagnostics.Activity;

        public void Polled(AsyncApiChatCompletionsResponse envelope)
        {
            _next.Enqueue(envelope);
            _round.RunAsync(Diagnostics, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        public bool Failed(Exception exception) => Diagnostics.Failed(exception);

        public void Dispose() => Diagnostics.Dispose();
    }

    private static AsyncApiChatCompletionsResponse Envelope(string id, string status) =>
        Fixture.Envelope("created.json") with { Id = id, Status = new AsyncProcessingStatus(status) };

    private static AsyncApiChatCompletionsResponse Completed(string id, string model)
    {
        var job = Fixture.Envelope("deep-research-completed.json");
        return job with { Id = id, Model = model, Response = job.Response! with { Model = model } };
    }
}
