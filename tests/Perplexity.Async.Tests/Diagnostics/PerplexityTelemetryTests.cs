using System.Diagnostics;
using Perplexity.Async.Diagnostics;
using Perplexity.Async.Tests.TestSupport;

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
        using var activity = new Activity("test");

        Record(Completed(model), activity);

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
        using var activity = new Activity("test");

        Record(Completed(model) with { Status = new AsyncProcessingStatus(status) }, activity);

        capture.Measurements.ShouldNotContain(m => m.Tags.Values.Contains(model));
        activity.TagObjects.ShouldBeEmpty();
    }

    [Fact]
    public void RecordTerminal_NoUsage_TagsTheModelButRecordsNoMeasurement()
    {
        var model = "model-" + Guid.NewGuid().ToString("N");
        var job = Completed(model);
        using var capture = new TelemetryCapture();
        using var activity = new Activity("test");

        Record(job with { Response = job.Response! with { Usage = null } }, activity);

        activity.GetTagItem("gen_ai.response.model").ShouldBe(model);
        capture.Measurements.ShouldNotContain(m => m.Tags.Values.Contains(model));
    }

    [Fact]
    public void RecordTerminal_ModelEchoesTheKey_IsRedactedInTagsAndMetrics()
    {
        const string key = "pplx-telemetry-key-0123456789";
        var model = "model-" + key;
        using var capture = new TelemetryCapture();
        using var activity = new Activity("test");

        Record(Completed(model), activity, key);

        activity.GetTagItem("gen_ai.request.model").ShouldBe("model-[REDACTED]");
        activity.GetTagItem("gen_ai.response.model").ShouldBe("model-[REDACTED]");
        capture.Measurements.ShouldNotContain(m => m.Tags.Values.OfType<string>().Any(text => text.Contains(key)));
    }

    // What a wait records once a job is terminal: the Sonar job kind's usage and cost.
    private static void Record(AsyncApiChatCompletionsResponse job, Activity? activity = null, string key = "pplx-unused-key") =>
        new SonarJobKind("v1/async/sonar").RecordTerminal(job, activity, new Perplexity.Async.Errors.Redactor(key));

    private static AsyncApiChatCompletionsResponse Completed(string model)
    {
        var job = Fixture.Envelope("deep-research-completed.json");
        return job with { Model = model, Response = job.Response! with { Model = model } };
    }
}
