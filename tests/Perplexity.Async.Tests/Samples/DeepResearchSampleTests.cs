using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using DeepResearch;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Samples;

/// <summary>samples/DeepResearch's core, on its emulator backend, with a clock the test drives.</summary>
public sealed class DeepResearchSampleTests : IDisposable
{
    private const string Question = "How do heat pumps work in cold climates?";

    private readonly TestClock _clock = new();
    private readonly Backend _backend;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    // The polls' delays pace the clock; the status line's periodic timer ticks in between, and each poll's request
    // timeout is a deadline, not a delay (TestClock waits for the poll after each of its delays, never for a tick).
    public DeepResearchSampleTests() => _backend = Backend.CreateEmulator(_clock);

    [Fact]
    public async Task AskAsync_OnTheEmulator_PrintsTheBackendLineAnswerCitationsAndCost()
    {
        var done = await _clock.DriveAsync(AskAsync(StatusStyle.Lines));

        var text = _output.ToString();
        var response = done.Response.ShouldNotBeNull();
        text.Split('\n')[0].ShouldBe("Backend: built-in emulator, offline (set PERPLEXITY_API_KEY to ask the Perplexity API instead)");
        text.ShouldContain($"Question: {Question}");
        text.ShouldContain($"Job {done.Id} started (sonar-deep-research)");
        text.ShouldContain("Answer\n------\n" + response.Text);
        response.Citations.ShouldNotBeNull().Count.ShouldBe(4);
        for (var i = 0; i < response.Citations.Count; i++)
        {
            text.ShouldContain($"[{i + 1}] {response.SearchResults![i].Title}\n    {response.Citations[i]}");
        }

        var cost = response.Usage.ShouldNotBeNull().Cost.ShouldNotBeNull();
        text.ShouldContain($"Cost: ${cost.TotalCost.ToString("0.0000##", System.Globalization.CultureInfo.InvariantCulture)} (input $");
        text.ShouldContain($"Tokens: {response.Usage.PromptTokens} in, {response.Usage.CompletionTokens} out");
        text.ShouldContain("Related questions");
        text.ShouldNotContain("\r");
    }

    [Fact]
    public async Task AskAsync_RedirectedOutput_PrintsOnePlainLinePerStatusChangeWithTheElapsedTime()
    {
        await _clock.DriveAsync(AskAsync(StatusStyle.Lines));

        var statusLines = _output.ToString().Split('\n').Where(l => Regex.IsMatch(l, @"^\[\d+:\d\d\] ")).ToArray();
        statusLines.Length.ShouldBe(3);
        statusLines[0].ShouldBe("[0:00] CREATED");
        statusLines[1].ShouldMatch(@"^\[0:0[12]\] IN_PROGRESS$");
        statusLines[2].ShouldMatch(@"^\[0:0[34]\] COMPLETED$");
    }

    [Fact]
    public async Task AskAsync_OnATerminal_RedrawsOneSpinnerLineAndLeavesTheLastStatus()
    {
        await _clock.DriveAsync(AskAsync(StatusStyle.Spinner));

        var text = _output.ToString();
        text.ShouldContain("\r[0:00] CREATED |");
        text.ShouldContain("\r[0:00] CREATED /");
        text.ShouldContain(" IN_PROGRESS ");
        Regex.IsMatch(text, @"\r\[0:\d\d\] COMPLETED *\n\nAnswer\n").ShouldBeTrue(text);
    }

    [Fact]
    public async Task AskAsync_SonarRoute_HasNoReasoningSectionButTheLegacyShapeWouldPrintOne()
    {
        // The sonar route's completions carry no reasoning steps; the printer shows them only when present.
        var done = await _clock.DriveAsync(AskAsync(StatusStyle.Lines));

        done.Response!.Choices[0].Message.ReasoningSteps.ShouldBeNull();
        _output.ToString().ShouldNotContain("Reasoning (");
    }

    [Fact]
    public async Task ResultPrinter_WithReasoningSteps_PrintsEachInBrief()
    {
        var job = _backend.Emulator!.AddJob(Question);
        _clock.Advance(TimeSpan.FromSeconds(10));
        var legacy = await _backend.Client.ChatCompletions.GetAsync(job.Id);

        ResultPrinter.Print(legacy.Response!, _output);

        var text = _output.ToString();
        text.ShouldContain("Reasoning (3 steps)");
        text.ShouldContain(" 1. Search for recent, authoritative sources on heat pumps");
        text.ShouldContain("[searched: \"");
        text.ShouldContain(" 2. Read the most relevant pages in full to check the details. [read 2 page(s)]");
        text.ShouldContain(" 3. Cross-check how recent the sources are before writing the answer. [ran Python: 4 sources, newest from");
        text.ShouldContain("reasoning $");
    }

    [Fact]
    public async Task RunAsync_OnTheEmulator_ReturnsZero()
    {
        var exitCode = await _clock.DriveAsync(RunAsync(CancellationToken.None));

        exitCode.ShouldBe(ExitCodes.Success);
        _output.ToString().ShouldContain("COMPLETED");
        _error.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_JobFails_ReturnsOneWithTheMessageOnStandardError()
    {
        _backend.Emulator!.Script.ForPrompt(Question).FailWith("upstream model unavailable");

        var exitCode = await _clock.DriveAsync(RunAsync(CancellationToken.None));

        exitCode.ShouldBe(ExitCodes.Failed);
        _error.ToString().ShouldStartWith("Error: ");
        _error.ToString().ShouldContain("upstream model unavailable");
        _output.ToString().ShouldContain("FAILED");
        _output.ToString().ShouldNotContain("Answer");
    }

    [Fact]
    public async Task RunAsync_WrongKey_ReturnsOneAndNamesTheVariable()
    {
        var strict = new Perplexity.Async.Testing.PerplexityEmulator(new Perplexity.Async.Testing.PerplexityEmulatorOptions { TimeProvider = _clock, ApiKey = "pplx-right" });
        using var refused = strict.CreateClient(new PerplexityAsyncClientOptions { ApiKey = "pplx-wrong", TimeProvider = _clock, RequestTimeout = null });

        var exitCode = await _clock.DriveAsync(DeepResearchApp.RunAsync(refused, _output, _error, _clock, Options(StatusStyle.Lines), CancellationToken.None));

        exitCode.ShouldBe(ExitCodes.Failed);
        _error.ToString().ShouldContain("PERPLEXITY_API_KEY");
        _error.ToString().ShouldNotContain("pplx-wrong");
    }

    [Fact]
    public async Task RunAsync_CancelledWhileWaiting_ReturnsCancelledAndSaysTheJobKeepsRunning()
    {
        _backend.Emulator!.Script.ForPrompt(Question).NeverFinish();
        using var cancel = new CancellationTokenSource();
        // Completed inline, on the thread that writes IN_PROGRESS: the driven Task.WhenAny is then complete before the
        // poll makes its next timer, so the clock stops right there. Posting the completion to the thread pool would
        // let the clock tick on while it waits for a thread.
        var running = new TaskCompletionSource();
        using var output = new CallbackWriter(text =>
        {
            if (text.Contains("IN_PROGRESS", StringComparison.Ordinal))
            {
                running.TrySetResult();
            }
        });
        var run = DeepResearchApp.RunAsync(_backend.Client, output, _error, _clock, Options(StatusStyle.Spinner), cancel.Token);

        // The user presses Ctrl+C once the job is running.
        await _clock.DriveAsync(Task.WhenAny(run, running.Task));
        await cancel.CancelAsync();

        // Stopping needs no more fake time, only the continuations of the cancelled delay.
        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(15)); // real-time-ok: a bound, not a sleep

        exitCode.ShouldBe(ExitCodes.Cancelled);
        _error.ToString().ShouldContain("The job keeps running");
        output.ToString().ShouldEndWith("\n"); // the spinner line was ended
        output.ToString().ShouldNotContain("Answer");
    }

    [Fact]
    public void CreatePerplexityApi_SaysSoOnTheFirstLineAndHasNoEmulator()
    {
        using var backend = Backend.CreatePerplexityApi("pplx-0123456789");

        backend.Description.ShouldStartWith("Backend: Perplexity API at https://api.perplexity.ai/");
        backend.Description.ShouldNotContain("pplx-0123456789");
        backend.Emulator.ShouldBeNull();
    }

    private Task<AsyncApiChatCompletionsResponse> AskAsync(StatusStyle style) =>
        DeepResearchApp.AskAsync(_backend.Client, _output, _clock, Options(style), CancellationToken.None);

    private Task<int> RunAsync(CancellationToken cancellationToken) =>
        DeepResearchApp.RunAsync(_backend.Client, _output, _error, _clock, Options(StatusStyle.Lines), cancellationToken);

    // The legacy route: the tests above are about it (the Agent API's are in DeepResearchAgentSampleTests).
    private ResearchOptions Options(StatusStyle style) => new(Question, _backend.Description, style, Legacy: true);

    public void Dispose()
    {
        _backend.Dispose();
        _output.Dispose();
        _error.Dispose();
    }

    /// <summary>A <see cref="StringWriter"/> that shows the test everything written so far, after each write.</summary>
    private sealed class CallbackWriter(Action<string> onWrite) : StringWriter
    {
        public override void Write(char value)
        {
            base.Write(value);
            onWrite(ToString());
        }

        public override void Write(string? value)
        {
            base.Write(value);
            onWrite(ToString());
        }
    }
}
