using System.Net;
using System.Net.Http;
using Perplexity.Async.Testing;

namespace Perplexity.Async.Tests.Testing;

public sealed class EmulatorLifecycleTests : IDisposable
{
    private readonly EmulatorHarness _harness = new();

    [Fact]
    public void Defaults_ArePinned()
    {
        var options = new PerplexityEmulatorOptions();

        options.QueuedDuration.ShouldBe(TimeSpan.FromSeconds(1));
        options.RunningDuration.ShouldBe(TimeSpan.FromSeconds(3));
        options.Retention.ShouldBe(TimeSpan.FromDays(7));
        options.ApiKey.ShouldBeNull();
        options.TimeProvider.ShouldBe(TimeProvider.System);
        options.BaseAddress.ShouldBe(new Uri("https://api.perplexity.ai/"));
        EmulatorDefaults.ListLimit.ShouldBe(20);
        EmulatorDefaults.ApiKey.ShouldBe("pplx-emulator");
        EmulatorDefaults.Model.ShouldBe("sonar-deep-research");
    }

    [Theory]
    [InlineData(EmulatorHarness.Sonar)]
    [InlineData(EmulatorHarness.Legacy)]
    public async Task Get_AsTimeAdvances_MovesThroughCreatedInProgressCompletedAtTheConfiguredTimes(string route)
    {
        var created = await _harness.CreateAsync(route, "How do heat pumps work?");
        var id = (string)created["id"]!;
        var path = $"{route}/{id}";
        created["status"]!.GetValue<string>().ShouldBe("CREATED");
        created["created_at"]!.GetValue<long>().ShouldBe(EmulatorHarness.Start.ToUnixTimeSeconds());

        _harness.Time.Advance(TimeSpan.FromMilliseconds(999));
        (await _harness.GetJsonAsync(path))!["status"]!.GetValue<string>().ShouldBe("CREATED");

        _harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        var running = (await _harness.GetJsonAsync(path))!;
        running["status"]!.GetValue<string>().ShouldBe("IN_PROGRESS");
        running["started_at"]!.GetValue<long>().ShouldBe(EmulatorHarness.Start.AddSeconds(1).ToUnixTimeSeconds());
        running["response"].ShouldBeNull();

        _harness.Time.Advance(TimeSpan.FromSeconds(3) - TimeSpan.FromMilliseconds(1));
        (await _harness.GetJsonAsync(path))!["status"]!.GetValue<string>().ShouldBe("IN_PROGRESS");

        _harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        var done = (await _harness.GetJsonAsync(path))!;
        done["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        done["completed_at"]!.GetValue<long>().ShouldBe(EmulatorHarness.Start.AddSeconds(4).ToUnixTimeSeconds());
        done["response"]!["choices"]![0]!["message"]!["content"]!.GetValue<string>().ShouldContain("heat pumps");
        done["failed_at"].ShouldBeNull();
        done["error_message"].ShouldBeNull();
    }

    [Fact]
    public async Task Get_WithConfiguredDurations_UsesThem()
    {
        using var harness = new EmulatorHarness(o =>
        {
            o.QueuedDuration = TimeSpan.FromSeconds(10);
            o.RunningDuration = TimeSpan.FromMinutes(5);
        });
        var id = (string)(await harness.CreateAsync(EmulatorHarness.Sonar, "q"))["id"]!;

        harness.Time.Advance(TimeSpan.FromSeconds(9));
        harness.Emulator.Jobs.Single().Status.ShouldBe(AsyncProcessingStatus.Created);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        harness.Emulator.Jobs.Single().Status.ShouldBe(AsyncProcessingStatus.InProgress);
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        var job = (await harness.GetJsonAsync($"{EmulatorHarness.Sonar}/{id}"))!;

        job["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        job["completed_at"]!.GetValue<long>().ShouldBe(EmulatorHarness.Start.AddSeconds(310).ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Get_WithZeroDurations_IsCompletedAtOnce()
    {
        using var harness = new EmulatorHarness(o =>
        {
            o.QueuedDuration = TimeSpan.Zero;
            o.RunningDuration = TimeSpan.Zero;
        });

        var created = await harness.CreateAsync(EmulatorHarness.Sonar, "q");

        created["status"]!.GetValue<string>().ShouldBe("COMPLETED");
    }

    [Fact]
    public async Task Get_AfterRetention_AnswersNotFoundAndLeavesTheList()
    {
        var id = (string)(await _harness.CreateAsync(EmulatorHarness.Sonar, "q"))["id"]!;

        _harness.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        await _harness.GetJsonAsync($"{EmulatorHarness.Sonar}/{id}");
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        var (status, _) = await _harness.SendAsync(HttpMethod.Get, $"{EmulatorHarness.Sonar}/{id}");

        status.ShouldBe(HttpStatusCode.NotFound);
        (await _harness.GetJsonAsync(EmulatorHarness.Sonar))!["requests"]!.AsArray().ShouldBeEmpty();
        _harness.Emulator.Jobs.ShouldBeEmpty();
    }

    [Fact]
    public void AddJob_SeedsAJobOnTheTimeline()
    {
        var job = _harness.Emulator.AddJob("What is a qubit?", "sonar-pro", id: "job-1");

        job.Id.ShouldBe("job-1");
        job.Model.ShouldBe("sonar-pro");
        job.Prompt.ShouldBe("What is a qubit?");
        job.Route.ShouldBeNull();
        job.Status.ShouldBe(AsyncProcessingStatus.Created);
        job.CreatedAt.ShouldBe(EmulatorHarness.Start);
        job.StartsAt.ShouldBe(EmulatorHarness.Start.AddSeconds(1));
        job.FinishesAt.ShouldBe(EmulatorHarness.Start.AddSeconds(4));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a/b")]
    [InlineData("..")]
    public void AddJob_WithABadId_Throws(string id) =>
        Should.Throw<ArgumentException>(() => _harness.Emulator.AddJob("q", id: id)).ParamName.ShouldBe("id");

    [Fact]
    public void AddJob_WithAnExistingId_Throws()
    {
        _harness.Emulator.AddJob("q", id: "same");

        Should.Throw<ArgumentException>(() => _harness.Emulator.AddJob("q", id: "same")).Message.ShouldContain("already exists");
    }

    [Fact]
    public void Constructor_WithNegativeDuration_ThrowsNamingIt()
    {
        var ex = Should.Throw<ArgumentException>(() => new PerplexityEmulator(new PerplexityEmulatorOptions { RunningDuration = TimeSpan.FromSeconds(-1) }));

        ex.Message.ShouldContain(nameof(PerplexityEmulatorOptions.RunningDuration));
    }

    [Fact]
    public void Constructor_WithRelativeBaseAddress_ThrowsNamingIt()
    {
        var ex = Should.Throw<ArgumentException>(() => new PerplexityEmulator(new PerplexityEmulatorOptions { BaseAddress = new Uri("api", UriKind.Relative) }));

        ex.Message.ShouldContain(nameof(PerplexityEmulatorOptions.BaseAddress));
    }

    [Fact]
    public async Task Reset_ForgetsJobsScriptsFaultsAndRequests()
    {
        await _harness.CreateAsync(EmulatorHarness.Sonar, "q");
        _harness.Emulator.Script.ForAnyJob().FailWith("x");
        _harness.Emulator.Faults.Next(1).RespondWith(HttpStatusCode.InternalServerError);

        _harness.Emulator.Reset();

        _harness.Emulator.Jobs.ShouldBeEmpty();
        _harness.Emulator.Requests.ShouldBeEmpty();
        _harness.Emulator.Faults.Pending.ShouldBe(0);
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        var id = (string)(await _harness.CreateAsync(EmulatorHarness.Sonar, "q"))["id"]!;
        _harness.Time.Advance(TimeSpan.FromSeconds(4));
        (await _harness.GetJsonAsync($"{EmulatorHarness.Sonar}/{id}"))!["status"]!.GetValue<string>().ShouldBe("COMPLETED");
    }

    public void Dispose() => _harness.Dispose();
}
