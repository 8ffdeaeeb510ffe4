using Perplexity.Async.Testing;

namespace Perplexity.Async.Tests.Testing;

public sealed class EmulatorScriptTests : IDisposable
{
    private readonly EmulatorHarness _harness = new();
    private readonly PerplexityAsyncClient _client;

    public EmulatorScriptTests() => _client = _harness.Emulator.CreateClient();

    private PerplexityEmulator Emulator => _harness.Emulator;

    [Fact]
    public async Task ForPrompt_CompleteWith_ServesTheGivenResponseOnBothRoutes()
    {
        var scripted = PerplexityModelFactory.CompletionResponse(id: "cmpl_1", model: "sonar", text: "100 °C at sea level.");
        Emulator.Script.ForPrompt("  What is the boiling point of water? ").CompleteWith(scripted);
        var id = (string)(await _harness.CreateAsync(EmulatorHarness.Sonar, "What is the boiling point of water?"))["id"]!;
        _harness.Time.Advance(TimeSpan.FromSeconds(4));

        var sonar = await _client.Sonar.GetAsync(id);
        var legacy = await _client.ChatCompletions.GetAsync(id);

        sonar.Status.ShouldBe(AsyncProcessingStatus.Completed);
        PerplexityJson.Serialize(sonar.Response).ShouldBe(PerplexityJson.Serialize(scripted));
        sonar.Response!.Text.ShouldBe("100 °C at sea level.");
        legacy.Response!.Id.ShouldBe("cmpl_1");
    }

    [Fact]
    public async Task ForPrompt_OtherPrompts_AreNotAffected()
    {
        Emulator.Script.ForPrompt("x").FailWith("boom");
        var id = (string)(await _harness.CreateAsync(EmulatorHarness.Sonar, "y"))["id"]!;
        _harness.Time.Advance(TimeSpan.FromSeconds(4));

        (await _client.Sonar.GetAsync(id)).Status.ShouldBe(AsyncProcessingStatus.Completed);
    }

    [Fact]
    public async Task ForPrompt_FailWith_EndsFailedWithTheMessage()
    {
        Emulator.Script.ForPrompt(p => p.Contains("outage")).FailWith("upstream model unavailable");
        var id = (string)(await _harness.CreateAsync(EmulatorHarness.Legacy, "simulate an outage"))["id"]!;
        _harness.Time.Advance(TimeSpan.FromSeconds(4));

        var job = await _client.ChatCompletions.GetAsync(id);

        job.Status.ShouldBe(AsyncProcessingStatus.Failed);
        job.ErrorMessage.ShouldBe("upstream model unavailable");
        job.FailedAt.ShouldBe(EmulatorHarness.Start.AddSeconds(4));
        job.CompletedAt.ShouldBeNull();
        job.StartedAt.ShouldBe(EmulatorHarness.Start.AddSeconds(1));
        job.Response.ShouldBeNull();
    }

    [Fact]
    public async Task ForPrompt_NeverFinish_StaysInProgress()
    {
        Emulator.Script.ForPrompt("stuck").NeverFinish();
        var id = (string)(await _harness.CreateAsync(EmulatorHarness.Sonar, "stuck"))["id"]!;
        _harness.Time.Advance(TimeSpan.FromDays(6));

        var job = await _client.Sonar.GetAsync(id);

        job.Status.ShouldBe(AsyncProcessingStatus.InProgress);
        Emulator.Jobs.ShouldHaveSingleItem().FinishesAt.ShouldBeNull();
    }

    [Fact]
    public void ForPrompt_QueuedForAndRunningFor_OverrideTheDurations()
    {
        Emulator.Script.ForPrompt("slow").QueuedFor(TimeSpan.FromSeconds(30)).RunningFor(TimeSpan.FromMinutes(10));

        var job = Emulator.AddJob("slow");

        job.StartsAt.ShouldBe(EmulatorHarness.Start.AddSeconds(30));
        job.FinishesAt.ShouldBe(EmulatorHarness.Start.AddSeconds(630));
    }

    [Fact]
    public void ForPrompt_TheLaterMatchingScript_Wins()
    {
        Emulator.Script.ForPrompt(_ => true).FailWith("first");
        Emulator.Script.ForPrompt("q").NeverFinish();

        Emulator.AddJob("q").FinishesAt.ShouldBeNull();
        Emulator.AddJob("other").FinishesAt.ShouldNotBeNull();
    }

    [Fact]
    public void ForPrompt_AppliesOnlyToJobsCreatedAfterIt()
    {
        var before = Emulator.AddJob("q");

        Emulator.Script.ForPrompt("q").NeverFinish();

        Emulator.Jobs.Single(j => j.Id == before.Id).FinishesAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task ForPrompt_CompleteWithAFactory_BuildsFromTheJob()
    {
        Emulator.Script.ForAnyJob().CompleteWith(job => PerplexityModelFactory.CompletionResponse(model: job.Model, text: "echo: " + job.Prompt));
        var job = Emulator.AddJob("ping", model: "sonar-pro");
        _harness.Time.Advance(TimeSpan.FromSeconds(4));

        var result = await _client.Sonar.GetAsync(job.Id);

        result.Response!.Text.ShouldBe("echo: ping");
        result.Response.Model.ShouldBe("sonar-pro");
    }

    [Fact]
    public async Task ForAnyJob_AppliesWhenNoPromptScriptMatches()
    {
        Emulator.Script.ForAnyJob().FailWith("everything fails");
        Emulator.Script.ForPrompt("ok").Complete();
        var failing = Emulator.AddJob("anything");
        var passing = Emulator.AddJob("ok");
        _harness.Time.Advance(TimeSpan.FromSeconds(4));

        (await _client.Sonar.GetAsync(failing.Id)).Status.ShouldBe(AsyncProcessingStatus.Failed);
        (await _client.Sonar.GetAsync(passing.Id)).Status.ShouldBe(AsyncProcessingStatus.Completed);
    }

    [Fact]
    public async Task ForJob_OnARunningJob_ReplansFromNowWithoutGoingBack()
    {
        var job = Emulator.AddJob("q");
        _harness.Time.Advance(TimeSpan.FromSeconds(2));

        Emulator.Script.ForJob(job.Id).QueuedFor(TimeSpan.FromMinutes(5)).RunningFor(TimeSpan.FromMinutes(1)).FailWith("late failure");

        var replanned = Emulator.Jobs.Single();
        replanned.Status.ShouldBe(AsyncProcessingStatus.InProgress);
        replanned.StartsAt.ShouldBe(EmulatorHarness.Start.AddSeconds(1));
        replanned.FinishesAt.ShouldBe(EmulatorHarness.Start.AddSeconds(61));
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        var done = await _client.Sonar.GetAsync(job.Id);
        done.Status.ShouldBe(AsyncProcessingStatus.Failed);
        done.ErrorMessage.ShouldBe("late failure");
    }

    [Fact]
    public void ForJob_OnAQueuedJob_CanDelayItsStart()
    {
        var job = Emulator.AddJob("q");

        Emulator.Script.ForJob(job.Id).QueuedFor(TimeSpan.FromSeconds(20));

        Emulator.Jobs.Single().StartsAt.ShouldBe(EmulatorHarness.Start.AddSeconds(20));
        Emulator.Jobs.Single().FinishesAt.ShouldBe(EmulatorHarness.Start.AddSeconds(23));
    }

    [Fact]
    public void ForJob_ThatWouldFinishInThePast_FinishesNow()
    {
        var job = Emulator.AddJob("q");
        Emulator.Script.ForJob(job.Id).NeverFinish();
        _harness.Time.Advance(TimeSpan.FromMinutes(1));

        Emulator.Script.ForJob(job.Id).Complete();

        var now = Emulator.Jobs.Single();
        now.Status.ShouldBe(AsyncProcessingStatus.Completed);
        now.FinishesAt.ShouldBe(EmulatorHarness.Start.AddMinutes(1));
    }

    [Fact]
    public void ForJob_WithoutChanges_KeepsThePromptScript()
    {
        Emulator.Script.ForPrompt("q").FailWith("prompt script");
        var job = Emulator.AddJob("q");

        Emulator.Script.ForJob(job.Id).RunningFor(TimeSpan.FromSeconds(10));
        _harness.Time.Advance(TimeSpan.FromSeconds(11));

        Emulator.Jobs.Single().Status.ShouldBe(AsyncProcessingStatus.Failed);
    }

    [Fact]
    public void ForJob_OnAFinishedJob_Throws()
    {
        var job = Emulator.AddJob("q");
        _harness.Time.Advance(TimeSpan.FromSeconds(4));

        var ex = Should.Throw<InvalidOperationException>(() => Emulator.Script.ForJob(job.Id).FailWith("too late"));

        ex.Message.ShouldContain(job.Id);
        Emulator.Jobs.Single().Status.ShouldBe(AsyncProcessingStatus.Completed);
    }

    [Fact]
    public void ForJob_ForAnIdNotSeenYet_AppliesWhenItIsAdded()
    {
        Emulator.Script.ForJob("later").NeverFinish();

        Emulator.AddJob("q", id: "later").FinishesAt.ShouldBeNull();
    }

    [Fact]
    public void Builders_RejectBadArguments()
    {
        Should.Throw<ArgumentNullException>(() => Emulator.Script.ForPrompt((string)null!));
        Should.Throw<ArgumentNullException>(() => Emulator.Script.ForPrompt((Func<string, bool>)null!));
        Should.Throw<ArgumentException>(() => Emulator.Script.ForJob(" "));
        Should.Throw<ArgumentOutOfRangeException>(() => Emulator.Script.ForAnyJob().RunningFor(TimeSpan.FromSeconds(-1)));
        Should.Throw<ArgumentOutOfRangeException>(() => Emulator.Script.ForAnyJob().QueuedFor(TimeSpan.FromSeconds(-1)));
        Should.Throw<ArgumentNullException>(() => Emulator.Script.ForAnyJob().CompleteWith((CompletionResponse)null!));
        Should.Throw<ArgumentNullException>(() => Emulator.Script.ForAnyJob().FailWith(null!));
    }

    public void Dispose()
    {
        _client.Dispose();
        _harness.Dispose();
    }
}
