using System.Diagnostics;
using System.Threading;
using Perplexity.Async.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Perplexity.Async.Tests.TestSupport;
using Perplexity.Async.Waiting;

namespace Perplexity.Async.Tests.Diagnostics;

public sealed class PerplexityTelemetryTests
{
    [Fact]
    public void RecordTerminal_CompletedJob_RecordsInputAndOutputTokensWithGenAiTags()
    {
        var model = "model-" + Guid.NewGuid().ToString("N");
        using var capture = new TelemetryCapture();

        Record(Completed(model));

        var usage = capture.MeasurementsOf("gen_ai.client.token.usage", "gen_ai.response.model", model);
        usage.Count.ShouldBe(2);
        usage.Single(m => Equals(m.Tags["gen_ai.token.type"], "input")).Value.ShouldBe(38);
        usage.Single(m => Equals(m.Tags["gen_ai.token.type"], "output")).Value.ShouldBe(2874);
        usage.ShouldAllBe(m =>
            m.Unit == "{token}"
            && Equals(m.Tags["gen_ai.operation.name"], "chat")
            && Equals(m.Tags["gen_ai.provider.name"], "perplexity")
            && Equals(m.Tags["gen_ai.request.model"], model));
    }

    [Fact]
    public void RecordTerminal_CompletedJob_AddsTheTotalCost()
    {
        var model = "model-" + Guid.NewGuid().ToString("N");
        using var capture = new TelemetryCapture();

        Record(Completed(model));

        var cost = capture.MeasurementsOf("perplexity.client.cost", "gen_ai.response.model", model).ShouldHaveSingleItem();
        cost.Value.ShouldBe(0.463345, tolerance: 1e-9);
        cost.Unit.ShouldBe("{USD}");
        cost.Tags.ShouldNotContainKey("gen_ai.token.type");
    }

    [Fact]
    public void RecordTerminal_WithAnActivity_TagsItWithModelUsageAndCost()
    {
        var model = "model-" + Guid.NewGuid().ToString("N");
        using var capture = new TelemetryCapture();

        var activity = Record(Completed(model)).ShouldNotBeNull();

        activity.GetTagItem("gen_ai.request.model").ShouldBe(model);
        activity.GetTagItem("gen_ai.response.model").ShouldBe(model);
        activity.GetTagItem("gen_ai.response.id").ShouldNotBeNull();
        activity.GetTagItem("gen_ai.usage.input_tokens").ShouldBe(38);
        activity.GetTagItem("gen_ai.usage.output_tokens").ShouldBe(2874);
        activity.GetTagItem("perplexity.cost.total").ShouldBe(0.463345);
    }

    [Theory]
    [InlineData("CREATED")]
    [InlineData("IN_PROGRESS")]
    [InlineData("FAILED")]
    public void RecordTerminal_JobNotCompleted_RecordsNothing(string status)
    {
        var model = "model-" + Guid.NewGuid().ToString("N");
        using var capture = new TelemetryCapture();

        var activity = Record(Completed(model) with { Status = new AsyncProcessingStatus(status) }).ShouldNotBeNull();

        capture.Measurements.ShouldNotContain(m => m.Tags.Values.Contains(model));
        activity.TagObjects.ShouldNotContain(tag => tag.Key.StartsWith("gen_ai.", StringComparison.Ordinal) || tag.Key == "perplexity.cost.total");
    }

    [Fact]
    public void RecordTerminal_NoUsage_TagsTheModelButRecordsNoMeasurement()
    {
        var model = "model-" + Guid.NewGuid().ToString("N");
        var job = Completed(model);
        using var capture = new TelemetryCapture();

        var activity = Record(job with { Response = job.Response! with { Usage = null } }).ShouldNotBeNull();

        activity.GetTagItem("gen_ai.response.model").ShouldBe(model);
        capture.Measurements.ShouldNotContain(m => m.Tags.Values.Contains(model));
    }

    [Fact]
    public void RecordTerminal_ModelEchoesTheKey_IsRedactedInTagsAndMetrics()
    {
        const string key = "pplx-telemetry-key-0123456789";
        var model = "model-" + key;
        using var capture = new TelemetryCapture();

        var activity = Record(Completed(model), key).ShouldNotBeNull();

        activity.GetTagItem("gen_ai.request.model").ShouldBe("model-[REDACTED]");
        activity.GetTagItem("gen_ai.response.model").ShouldBe("model-[REDACTED]");
        capture.Measurements.ShouldNotContain(m => m.Tags.Values.OfType<string>().Any(text => text.Contains(key)));
    }

    // What a wait records once a job is terminal: the Sonar job kind's usage and cost, through the diagnostics of a
    // wait on one job. Returns the wait's span (sampled when a TelemetryCapture listens).
    private static Activity? Record(AsyncApiChatCompletionsResponse job, string key = "pplx-unused-key")
    {
        var services = new WaitServices(TimeProvider.System, NullLogger.Instance, new Perplexity.Async.Errors.Redactor(key), PollingSettings.Default);
        using var diagnostics = WaitDiagnostics.Start(services, new OneJobRound());
        new SonarJobKind("v1/async/sonar").RecordTerminal(job, diagnostics);
        return diagnostics.Activity;
    }

    private sealed class OneJobRound : IWaitRound
    {
        public string SpanName => "wait v1/async/sonar/{api_request}";

        public string RouteTemplate => "v1/async/sonar/{api_request}";

        public string? JobId => "job-1";

        public IReadOnlyList<string>? JobIds => null;

        public TimeSpan? NextRoundIn => null;

        public ValueTask<bool> RunAsync(WaitDiagnostics diagnostics, CancellationToken cancellationToken) => new(true);

        public PerplexityTimeoutException CreateTimeout(TimeSpan timeout, Exception innerException, Perplexity.Async.Errors.Redactor redactor) =>
            throw new NotSupportedException();
    }

    private static AsyncApiChatCompletionsResponse Completed(string model)
    {
        var job = Fixture.Envelope("deep-research-completed.json");
        return job with { Model = model, Response = job.Response! with { Model = model } };
    }
}
