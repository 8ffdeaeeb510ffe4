using Microsoft.Extensions.Logging;
using Perplexity.Async.Diagnostics;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Diagnostics;

/// <summary>Pins the event ids, levels and texts of the log messages that the poller and retry pipeline write.</summary>
public sealed class LogTests : IDisposable
{
    private readonly CapturingLoggerProvider _logs = new();

    public void Dispose() => _logs.Dispose();

    private ILogger Logger => _logs.CreateLogger("test");

    [Fact]
    public void PollStatusChanged_Always_WritesInformation2001()
    {
        Log.PollStatusChanged(Logger, "job-1", "v1/async/sonar/{api_request}", "CREATED", "IN_PROGRESS", 3);

        var entry = _logs.Entries.ShouldHaveSingleItem();
        entry.EventId.ShouldBe(new EventId(2001, "PollStatusChanged"));
        entry.Level.ShouldBe(LogLevel.Information);
        entry.Message.ShouldBe("Job job-1 on v1/async/sonar/{api_request} went from CREATED to IN_PROGRESS after 3 polls");
        entry["PreviousStatus"].ShouldBe("CREATED");
        entry["Status"].ShouldBe("IN_PROGRESS");
        entry["Polls"].ShouldBe(3);
    }

    [Fact]
    public void RetryScheduled_Always_WritesWarning1006WithAttemptDelayAndReason()
    {
        Log.RetryScheduled(Logger, "GET", "v1/async/sonar/{api_request}", "job-2", 2, 1500, "503 Service Unavailable");

        var entry = _logs.Entries.ShouldHaveSingleItem();
        entry.EventId.ShouldBe(new EventId(1006, "RetryScheduled"));
        entry.Level.ShouldBe(LogLevel.Warning);
        entry.Message.ShouldBe("Retrying GET v1/async/sonar/{api_request} (request id job-2): attempt 2 in 1500 ms because 503 Service Unavailable");
        entry["Attempt"].ShouldBe(2);
        entry["DelayMilliseconds"].ShouldBe(1500d);
        entry["Reason"].ShouldBe("503 Service Unavailable");
    }

    [Fact]
    public void JobFailed_Always_WritesError2002WithTheReason()
    {
        Log.JobFailed(Logger, "job-3", "async/chat/completions/{api_request}", 7, "quota exceeded");

        var entry = _logs.Entries.ShouldHaveSingleItem();
        entry.EventId.ShouldBe(new EventId(2002, "JobFailed"));
        entry.Level.ShouldBe(LogLevel.Error);
        entry.Message.ShouldBe("Job job-3 on async/chat/completions/{api_request} failed after 7 polls: quota exceeded");
    }

    [Fact]
    public void JobCompleted_Always_WritesInformation2003()
    {
        Log.JobCompleted(Logger, "job-4", "v1/async/sonar/{api_request}", 4, 12000);

        var entry = _logs.Entries.ShouldHaveSingleItem();
        entry.EventId.ShouldBe(new EventId(2003, "JobCompleted"));
        entry.Level.ShouldBe(LogLevel.Information);
        entry.Message.ShouldBe("Job job-4 on v1/async/sonar/{api_request} completed after 4 polls in 12000 ms");
    }

    [Fact]
    public void EventIds_AreUnique()
    {
        var ids = typeof(LogEventIds).GetFields().Select(f => (int)f.GetValue(null)!).ToList();

        ids.Count.ShouldBe(12);
        ids.Distinct().Count().ShouldBe(ids.Count);
    }
}
