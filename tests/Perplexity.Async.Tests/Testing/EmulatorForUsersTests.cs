using System.Threading;
using Microsoft.Extensions.Time.Testing;
using Perplexity.Async.Testing;

namespace Perplexity.Async.Tests.Testing;

/// <summary>
/// What a user's test needs from the Testing package: a client that keeps the emulator's settings, one call that
/// drives a wait or a run to its end on a fake clock, and creates checked as the API checks them.
/// </summary>
public sealed class EmulatorForUsersTests
{
    private static readonly Uri EmulatedAddress = new("https://emulated.example/api/");

    [Fact]
    public async Task CreateClient_OptionsLeaveKeyAddressAndClockUnset_KeepsTheEmulators()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var emulator = new PerplexityEmulator(new PerplexityEmulatorOptions { TimeProvider = time, ApiKey = "pplx-right", BaseAddress = EmulatedAddress });
        var options = new PerplexityAsyncClientOptions { MaxRetries = 0 };
        using var client = emulator.CreateClient(options);

        var run = await client.Agent.CreateAsync(new AgentRequest { Preset = AgentPreset.Fast, Input = "q" }, CancellationToken.None);

        run.CreatedAt.ShouldBe(time.GetUtcNow());
        emulator.Requests.ShouldHaveSingleItem().Uri.ToString().ShouldStartWith(EmulatedAddress.AbsoluteUri);
        options.ApiKey.ShouldBeNull();
        options.TimeProvider.ShouldBe(TimeProvider.System);
    }

    [Fact]
    public async Task CreateClient_OptionsSetTheKey_SendsThatKey()
    {
        var emulator = new PerplexityEmulator(new PerplexityEmulatorOptions { TimeProvider = new FakeTimeProvider(), ApiKey = "pplx-right" });
        using var client = emulator.CreateClient(new PerplexityAsyncClientOptions { ApiKey = "pplx-wrong", MaxRetries = 0 });

        await Should.ThrowAsync<PerplexityAuthenticationException>(
            () => client.Agent.CreateAsync(new AgentRequest { Preset = AgentPreset.Fast, Input = "q" }, CancellationToken.None));
    }

    [Fact]
    public async Task RunUntilCompletedAsync_AgentRun_ReturnsTheCompletedRunAfterItsFakeDuration()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var emulator = new PerplexityEmulator(time);
        using var client = emulator.CreateClient();

        var done = await emulator.RunUntilCompletedAsync(
            client.Agent.RunAsync(new AgentRequest { Preset = AgentPreset.Medium, Input = "Why is the sky blue?" }, CancellationToken.None),
            CancellationToken.None);

        done.Status.ShouldBe(AgentResponseStatus.Completed);
        done.OutputText.ShouldNotBeNullOrWhiteSpace();
        (time.GetUtcNow() - start).ShouldBeGreaterThanOrEqualTo(new PerplexityEmulatorOptions().AgentMediumDuration);
    }

    [Fact]
    public async Task RunUntilCompletedAsync_LegacyWait_ReturnsTheCompletedJob()
    {
        var time = new FakeTimeProvider();
        var emulator = new PerplexityEmulator(time);
        var job = emulator.AddJob("How do heat pumps work?");
        using var client = emulator.CreateClient();

        var done = await emulator.RunUntilCompletedAsync(client.Sonar.WaitForCompletionAsync(job.Id, CancellationToken.None), CancellationToken.None);

        done.Status.ShouldBe(AsyncProcessingStatus.Completed);
    }

    [Fact]
    public async Task RunUntilCompletedAsync_FailedRun_ThrowsTheRunsException()
    {
        var emulator = new PerplexityEmulator(new FakeTimeProvider());
        emulator.Script.ForAnyAgentRun().Fail();
        using var client = emulator.CreateClient();

        await Should.ThrowAsync<PerplexityRunFailedException>(() => emulator.RunUntilCompletedAsync(
            client.Agent.RunAsync(new AgentRequest { Preset = AgentPreset.Fast, Input = "q" }, CancellationToken.None), CancellationToken.None));
    }

    [Fact]
    public async Task RunUntilCompletedAsync_TaskWithoutResult_EndsWhenItEnds()
    {
        var emulator = new PerplexityEmulator(new FakeTimeProvider());
        using var client = emulator.CreateClient();
        var states = new List<AgentResponseStatus>();
        var run = await client.Agent.CreateAsync(new AgentRequest { Preset = AgentPreset.Fast, Input = "q" }, CancellationToken.None);

        await emulator.RunUntilCompletedAsync(Watch(), CancellationToken.None);

        states.ShouldContain(AgentResponseStatus.Completed);

        async Task Watch()
        {
            await foreach (var state in client.Agent.WatchAsync(run.Id, CancellationToken.None))
            {
                states.Add(state.Status);
            }
        }
    }

    [Fact]
    public async Task RunUntilCompletedAsync_SystemClock_SaysToUseAFakeClock()
    {
        var emulator = new PerplexityEmulator();

        // A task on the system clock, which the emulator refuses to drive before anything waits on it.
        var onTheSystemClock = Task.Delay(1); // real-time-ok: the point is a task the fake clock cannot move

        var ex = await Should.ThrowAsync<InvalidOperationException>(() => emulator.RunUntilCompletedAsync(onTheSystemClock, CancellationToken.None));

        ex.Message.ShouldContain("FakeTimeProvider");
    }

    [Fact]
    public async Task LegacyCreate_UnknownModel_Is422ByDefault()
    {
        var emulator = new PerplexityEmulator(new FakeTimeProvider());
        using var client = emulator.CreateClient(new PerplexityAsyncClientOptions { MaxRetries = 0 });

        var ex = await Should.ThrowAsync<PerplexityValidationException>(() => client.Sonar.CreateAsync(Legacy("sonar-deep-reserch"), CancellationToken.None));

        ex.Message.ShouldContain("model");
        ex.Message.ShouldContain("sonar-deep-research");
    }

    [Fact]
    public async Task LegacyCreate_TemperatureOutOfRange_Is422ByDefault()
    {
        var emulator = new PerplexityEmulator(new FakeTimeProvider());
        using var client = emulator.CreateClient(new PerplexityAsyncClientOptions { MaxRetries = 0 });

        var ex = await Should.ThrowAsync<PerplexityValidationException>(
            () => client.Sonar.CreateAsync(Legacy("sonar") with { Temperature = 3 }, CancellationToken.None));

        ex.Message.ShouldContain("temperature");
    }

    [Fact]
    public async Task Create_ValidationSwitchedOff_AcceptsAnyModel()
    {
        var emulator = new PerplexityEmulator(new PerplexityEmulatorOptions { TimeProvider = new FakeTimeProvider(), ValidateRequests = false });
        using var client = emulator.CreateClient(new PerplexityAsyncClientOptions { MaxRetries = 0 });

        var job = await client.Sonar.CreateAsync(Legacy("my-model") with { Temperature = 3 }, CancellationToken.None);
        var run = await emulator.RunUntilCompletedAsync(
            client.Agent.RunAsync(new AgentRequest { Model = "acme/unlisted-model", Input = "q" }, CancellationToken.None), CancellationToken.None);

        job.Model.ShouldBe("my-model");
        run.Status.ShouldBe(AgentResponseStatus.Completed);
    }

    [Fact]
    public async Task AgentCreate_UnknownModel_Is400ByDefault()
    {
        var emulator = new PerplexityEmulator(new FakeTimeProvider());
        using var client = emulator.CreateClient(new PerplexityAsyncClientOptions { MaxRetries = 0 });

        var ex = await Should.ThrowAsync<PerplexityBadRequestException>(
            () => client.Agent.CreateAsync(new AgentRequest { Model = "acme/unlisted-model", Input = "q" }, CancellationToken.None));

        ex.ErrorType.ShouldBe("invalid_model");
    }

    private static ChatCompletionRequest Legacy(string model) => new() { Model = model, Messages = [ChatRequestMessage.User("How do heat pumps work?")] };
}
