using System.Threading;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Waiting;

public sealed class PollingTelemetryTests : PollingTestBase
{
    [Fact]
    public async Task WaitForCompletionAsync_CompletedJob_RecordsWaitSpanWithPollsAndFinalStatus()
    {
        using var telemetry = new TelemetryCapture();
        var requestId = "wait-span-" + Guid.NewGuid().ToString("N");
        Handler.Then("CREATED").Then("IN_PROGRESS").ThenCompleted();

        await Clock.DriveAsync(CreateSut().Sonar.WaitForCompletionAsync(requestId, Exact(), CancellationToken.None));

        var wait = telemetry.Activities.Single(a => a.OperationName.StartsWith("wait ", StringComparison.Ordinal)
            && Equals(a.GetTagItem("perplexity.request_id"), requestId));
        wait.GetTagItem("perplexity.polls").ShouldBe(3);
        wait.GetTagItem("perplexity.job.status").ShouldBe("COMPLETED");
        var polls = telemetry.Activities.Where(a => a.ParentSpanId == wait.SpanId).ToList();
        polls.Count.ShouldBe(3);
    }

    [Fact]
    public async Task WaitForCompletionAsync_FailedJob_TagsWaitSpanWithFailedErrorType()
    {
        using var telemetry = new TelemetryCapture();
        var requestId = "wait-failed-" + Guid.NewGuid().ToString("N");
        Handler.Then("IN_PROGRESS").Then(() => Api.Failed());

        await Should.ThrowAsync<PerplexityJobFailedException>(
            Clock.DriveAsync(CreateSut().ChatCompletions.WaitForCompletionAsync(requestId, Exact(), CancellationToken.None)));

        var wait = telemetry.Activities.Single(a => Equals(a.GetTagItem("perplexity.request_id"), requestId)
            && a.OperationName.StartsWith("wait ", StringComparison.Ordinal));
        wait.GetTagItem("error.type").ShouldBe("FAILED");
        wait.GetTagItem("perplexity.polls").ShouldBe(2);
    }
}
