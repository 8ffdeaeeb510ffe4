using Perplexity.Async.Hangfire.Jobs;
using Perplexity.Async.Waiting;

namespace Perplexity.Async.Hangfire.Tests.Jobs;

public sealed class CheckScheduleTests
{
    private static CheckSchedule Schedule(bool jitter = false) => new(PollingSettings.Create(
        new PollingOptions { InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(10), UseJitter = jitter }, "polling"));

    [Fact]
    public async Task DelayAfterAsync_NoJitter_DoublesFromTheInitialDelayToTheCap()
    {
        var schedule = Schedule();
        var delays = new List<double>();
        for (var check = 0; check < 7; check++)
        {
            delays.Add((await schedule.DelayAfterAsync(check, null)).TotalSeconds);
        }

        delays.ShouldBe([1, 2, 4, 8, 10, 10, 10]);
        (await schedule.DelayAfterAsync(10_000, null)).ShouldBe(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task DelayAfterAsync_Jitter_StaysWithinTheCap()
    {
        var schedule = Schedule(jitter: true);
        for (var check = 0; check < 30; check++)
        {
            var delay = await schedule.DelayAfterAsync(check, null);
            delay.ShouldBeGreaterThan(TimeSpan.Zero);
            delay.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public async Task DelayAfterAsync_RetryAfterLongerThanTheBackoff_WaitsAsTheServerAsked()
    {
        var schedule = Schedule();

        (await schedule.DelayAfterAsync(0, TimeSpan.FromSeconds(7))).ShouldBe(TimeSpan.FromSeconds(7));
        (await schedule.DelayAfterAsync(5, TimeSpan.FromSeconds(3))).ShouldBe(TimeSpan.FromSeconds(10));
        (await schedule.DelayAfterAsync(0, TimeSpan.FromHours(3))).ShouldBe(TimeSpan.FromSeconds(60)); // the SDK's cap on Retry-After
    }

    [Fact]
    public async Task DelayAfterAsync_DefaultOptions_AreTheSdkRunDefaults()
    {
        var schedule = new CheckSchedule(PollingSettings.Create(AgentPollingDefaults.Options(), "polling"));

        schedule.Settings.InitialDelay.ShouldBe(TimeSpan.FromSeconds(1));
        schedule.Settings.MaxDelay.ShouldBe(TimeSpan.FromSeconds(10));
        (await schedule.DelayAfterAsync(20, null)).ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(10));
    }
}
