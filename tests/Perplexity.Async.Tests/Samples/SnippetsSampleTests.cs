using System.IO;
using System.Threading;
using Perplexity.Async.Tests.TestSupport;
using Snippets;

namespace Perplexity.Async.Tests.Samples;

/// <summary>samples/Snippets, each snippet run to completion on the emulator with a clock the test drives.</summary>
public sealed class SnippetsSampleTests : IDisposable
{
    private const string EmulatorLine = "Backend: built-in emulator, offline (set PERPLEXITY_API_KEY to use the Perplexity API instead)";

    private readonly TestClock _clock = new();
    private readonly SnippetBackend _backend;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    // No request timeout: PacedClock (wait-for-many, all) moves time in fixed steps, also while a request is in flight.
    public SnippetsSampleTests() => _backend = SnippetBackend.CreateEmulator(_clock, o => o.RequestTimeout = null);

    public static TheoryData<string> SnippetNames => new(SnippetCatalog.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(SnippetNames))]
    public async Task Snippet_OnTheEmulator_RunsToCompletion(string name)
    {
        var exitCode = await RunAsync(name);

        exitCode.ShouldBe(SnippetsApp.Success, _error.ToString());
        _error.ToString().ShouldBeEmpty();
        var text = _output.ToString();
        text.ShouldStartWith(EmulatorLine);
        text.ShouldContain($"== {name}: ");
        _backend.Emulator!.Requests.ShouldNotBeEmpty();
        _backend.Emulator.Requests.ShouldAllBe(r => r.StatusCode == System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task GetById_NoIdGiven_StartsAJobAndShowsItsCurrentState()
    {
        await RunAsync("get-by-id");

        var job = _backend.Emulator!.Jobs.ShouldHaveSingleItem();
        _output.ToString().ShouldContain($"(no job id given: started {job.Id})");
        _output.ToString().ShouldContain($"{job.Id}: CREATED (model sonar, created ");
        _output.ToString().ShouldContain("not finished yet");
    }

    [Fact]
    public async Task GetById_OfACompletedJob_PrintsTheAnswerAndCitations()
    {
        var job = _backend.Emulator!.AddJob("Why is the sky blue?", model: "sonar");
        _clock.Advance(TimeSpan.FromSeconds(5));

        await RunAsync("get-by-id", job.Id);

        var text = _output.ToString();
        text.ShouldContain($"{job.Id}: COMPLETED");
        text.ShouldContain("**Why is the sky blue**");
        text.ShouldContain("https://encyclopedia.example/wiki/");
        text.ShouldNotContain("no job id given");
    }

    [Theory]
    [InlineData("wait-with-progress")]
    [InlineData("watch")]
    public async Task WaitingSnippets_ReportEachStatusChangeInOrderThenTheAnswer(string name)
    {
        // wait-with-progress passes its own PollingOptions (1 s growing to 15 s, with jitter): a 1.5 s IN_PROGRESS could
        // fall between two polls. Running for longer than the 15 s cap, the job is seen IN_PROGRESS whatever the jitter.
        _backend.Emulator!.Script.ForPrompt("What is an async API?").RunningFor(TimeSpan.FromSeconds(20));

        await RunAsync(name);

        var text = _output.ToString();
        var created = text.IndexOf("  status: CREATED\n", StringComparison.Ordinal);
        var running = text.IndexOf("  status: IN_PROGRESS\n", StringComparison.Ordinal);
        var completed = text.IndexOf("  status: COMPLETED\n", StringComparison.Ordinal);
        created.ShouldBeGreaterThan(0);
        running.ShouldBeGreaterThan(created);
        completed.ShouldBeGreaterThan(running);
        text.IndexOf("**What is an async API**", StringComparison.Ordinal).ShouldBeGreaterThan(completed);
    }

    [Theory]
    [InlineData("wait-with-progress")]
    [InlineData("watch")]
    public async Task WaitingSnippets_OfAFailedJob_SayItFailed(string name)
    {
        _backend.Emulator!.Script.ForPrompt("What is an async API?").FailWith("upstream model unavailable");

        var exitCode = await RunAsync(name);

        exitCode.ShouldBe(SnippetsApp.Success);
        _output.ToString().ShouldContain("failed");
        _output.ToString().ShouldContain("upstream model unavailable");
    }

    [Fact]
    public async Task CreateAndWait_PrintsTheAnswerCitationsAndCost()
    {
        await RunAsync("create-and-wait");

        var job = _backend.Emulator!.Jobs.ShouldHaveSingleItem();
        job.Model.ShouldBe("sonar-pro");
        var text = _output.ToString();
        text.ShouldContain($"started {job.Id}: CREATED");
        text.ShouldContain("**How do heat pumps work in cold climates**");
        text.ShouldContain("4 citations, cost $");
    }

    [Fact]
    public async Task WaitForMany_WaitsForEveryJobAndPrintsEachAnswer()
    {
        await RunAsync("wait-for-many");

        _backend.Emulator!.Jobs.Count.ShouldBe(3);
        _backend.Emulator.Jobs.ShouldAllBe(j => j.Status == AsyncProcessingStatus.Completed);
        var text = _output.ToString();
        text.ShouldContain("Why is the sky blue?\n  **Why is the sky blue** (4 citations, $");
        text.ShouldContain("How long does light take to reach Earth from the Sun?\n  **How long does light take");
        text.ShouldContain("What is the boiling point of water at the top of Mount Everest?\n  **What is the boiling point");
    }

    [Fact]
    public async Task DependencyInjection_SendsThroughTheEmulatorAsPrimaryHandler()
    {
        await RunAsync("dependency-injection");

        var requests = _backend.Emulator!.Requests;
        requests[0].Method.ShouldBe(System.Net.Http.HttpMethod.Post);
        requests[0].Header("Authorization").ShouldBe("Bearer pplx-emulator");
        var job = _backend.Emulator.Jobs.ShouldHaveSingleItem();
        _output.ToString().ShouldContain($"{job.Id}: COMPLETED");
        _output.ToString().ShouldContain("**What is dependency injection in .NET**");
    }

    [Fact]
    public async Task All_RunsEverySnippetInOrder()
    {
        var exitCode = await RunAsync("all");

        exitCode.ShouldBe(SnippetsApp.Success, _error.ToString());
        var text = _output.ToString();
        var positions = SnippetCatalog.All.Select(s => text.IndexOf($"== {s.Name}: ", StringComparison.Ordinal)).ToArray();
        positions.ShouldAllBe(p => p > 0);
        positions.ShouldBeInOrder();
    }

    [Fact]
    public async Task NoArguments_ListsTheSnippetsAndReturnsZero()
    {
        var exitCode = await SnippetsApp.RunAsync([], _backend, _output, _error, CancellationToken.None);

        exitCode.ShouldBe(SnippetsApp.Success);
        foreach (var snippet in SnippetCatalog.All)
        {
            _output.ToString().ShouldContain($"  {snippet.Name}");
        }

        _backend.Emulator!.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task UnknownSnippet_PrintsUsageOnStandardErrorAndReturnsTwo()
    {
        var exitCode = await SnippetsApp.RunAsync(["no-such-snippet"], _backend, _output, _error, CancellationToken.None);

        exitCode.ShouldBe(SnippetsApp.Usage);
        _error.ToString().ShouldStartWith("Unknown snippet 'no-such-snippet'.");
        _output.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task Snippet_UnknownJobId_ReturnsOneWithTheNotFoundMessage()
    {
        var exitCode = await RunAsync("get-by-id", "no-such-job");

        exitCode.ShouldBe(SnippetsApp.Failed);
        _error.ToString().ShouldStartWith("Error: ");
        _error.ToString().ShouldContain("404");
    }

    // One wait at a time: the clock moves timer by timer, exactly as the code asks, so every status is seen. Several
    // waits at once (wait-for-many, and so "all"): fixed 100 ms steps, which cannot stall when one wait ends first.
    private Task<int> RunAsync(params string[] args)
    {
        var run = SnippetsApp.RunAsync(args, _backend, _output, _error, CancellationToken.None);
        return args[0] is "wait-for-many" or "all"
            ? _clock.AdvanceInStepsUntilDoneAsync(run, TimeSpan.FromMilliseconds(100))
            : _clock.DriveAsync(run);
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
    }
}
