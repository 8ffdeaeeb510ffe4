using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using DeepResearch;
using Perplexity.Async.Tests.TestSupport;

namespace Perplexity.Async.Tests.Samples;

/// <summary>samples/DeepResearch on the Agent API (its default), on the emulator, with a clock the test drives.</summary>
public sealed class DeepResearchAgentSampleTests : IDisposable
{
    private const string Question = "How do heat pumps work in cold climates?";

    private readonly TestClock _clock = new();
    private readonly Backend _backend;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public DeepResearchAgentSampleTests() => _backend = Backend.CreateEmulator(_clock);

    [Fact]
    public async Task AskAgentAsync_OnTheEmulator_PrintsTheRunIdFirstThenAnswerSourcesUsageAndCost()
    {
        var done = await _clock.DriveAsync(DeepResearchApp.AskAgentAsync(_backend.Client, _output, _clock, Options(StatusStyle.Lines), CancellationToken.None));

        var lines = _output.ToString().Split('\n');
        lines[0].ShouldStartWith("Backend: built-in emulator");
        lines[1].ShouldBe($"Question: {Question}");
        lines[2].ShouldBe($"Run {done.Id} started (medium). Ctrl+C cancels it.");
        var text = _output.ToString();
        text.ShouldContain("Answer\n------\n" + done.OutputText);
        text.ShouldContain($"Sources ({done.SearchResults.Count})");
        foreach (var source in done.SearchResults)
        {
            text.ShouldContain($"[{source.Id}] {source.Title}\n    {source.Url}");
        }

        var usage = done.Usage.ShouldNotBeNull();
        text.ShouldContain($"Tokens: {usage.InputTokens:N0} in");
        text.ShouldContain("reasoning)");
        text.ShouldContain("Cost: " + AgentResultPrinter.Usd(usage.Cost!.TotalCost));
        Regex.Count(text, @"^\[\d+:\d\d\] (queued|in_progress|completed)$", RegexOptions.Multiline).ShouldBe(3);
    }

    [Fact]
    public async Task AskAgentAsync_OnTheEmulator_ShowsEachSearchAndSourceOnceBeforeTheAnswer()
    {
        var done = await _clock.DriveAsync(DeepResearchApp.AskAgentAsync(_backend.Client, _output, _clock, Options(StatusStyle.Lines), CancellationToken.None));

        var text = _output.ToString();
        var answerAt = text.IndexOf("Answer\n------", StringComparison.Ordinal);
        answerAt.ShouldBeGreaterThan(0);
        var queries = done.Output.OfType<AgentSearchResultsOutputItem>().SelectMany(item => item.Queries ?? []).Distinct().ToList();
        queries.ShouldNotBeEmpty();
        foreach (var query in queries)
        {
            var line = $"  Searching: {query}\n";
            Regex.Count(text, Regex.Escape(line)).ShouldBe(1);
            text.IndexOf(line, StringComparison.Ordinal).ShouldBeLessThan(answerAt);
        }

        foreach (var source in done.SearchResults)
        {
            var line = $"  Found: {source.Title} ({source.Url})\n";
            Regex.Count(text, Regex.Escape(line)).ShouldBe(1);
            text.IndexOf(line, StringComparison.Ordinal).ShouldBeLessThan(answerAt);
        }

        Regex.Count(text, "Writing the answer").ShouldBe(1);
    }

    [Fact]
    public async Task AskAgentAsync_HealthyStream_SendsOneCreateAndNoPollingGet()
    {
        var done = await _clock.DriveAsync(DeepResearchApp.AskAgentAsync(_backend.Client, _output, _clock, Options(StatusStyle.Lines), CancellationToken.None));

        done.Status.ShouldBe(AgentResponseStatus.Completed);
        var requests = _backend.Emulator!.Requests;
        requests.ShouldHaveSingleItem().Path.ShouldBe("/v1/agent");
        requests[0].Body.ShouldNotBeNull().ShouldContain("\"stream\":true");
    }

    [Fact]
    public async Task AskAgentAsync_StreamDropsMidRun_ResumesSilentlyAndPrintsNothingTwice()
    {
        var reference = await ReferenceOutputAsync();
        _backend.Emulator!.Faults.Next(1).DropStreamAfter(6);

        var done = await _clock.DriveAsync(DeepResearchApp.AskAgentAsync(_backend.Client, _output, _clock, Options(StatusStyle.Lines), CancellationToken.None));

        done.Status.ShouldBe(AgentResponseStatus.Completed);
        _backend.Emulator.Requests.ShouldContain(r => r.Path == $"/v1/responses/{done.Id}" && r.Query.Contains("starting_after=", StringComparison.Ordinal));
        WithoutVaryingParts(_output.ToString(), done.Id).ShouldBe(reference);
    }

    [Fact]
    public async Task AskAgentAsync_InATerminal_ShowsTheLastWordsOfTheAnswerOnTheLiveLine()
    {
        var done = await _clock.DriveAsync(DeepResearchApp.AskAgentAsync(_backend.Client, _output, _clock, Options(StatusStyle.Spinner), CancellationToken.None));

        var flat = done.OutputText.ReplaceLineEndings(" ").TrimEnd();
        var tail = flat.Length <= 48 ? flat : flat[^48..];
        _output.ToString().ShouldContain("in_progress ");
        _output.ToString().ShouldContain(tail);
        var lastLiveLine = _output.ToString().Split('\r').Last(l => l.Contains("in_progress", StringComparison.Ordinal) || l.Contains("completed", StringComparison.Ordinal));
        lastLiveLine.ShouldNotContain("..."); // the finished line has no preview left on it
    }

    [Fact]
    public async Task RunAsync_RunCancelledOnTheServer_ReturnsOneAndSaysSo()
    {
        _backend.Emulator!.Script.ForAnyAgentRun().CancelByServer();

        var exitCode = await _clock.DriveAsync(DeepResearchApp.RunAsync(_backend.Client, _output, _error, _clock, Options(StatusStyle.Lines), CancellationToken.None));

        exitCode.ShouldBe(ExitCodes.Failed);
        _error.ToString().ShouldContain("was cancelled on the server");
        _output.ToString().ShouldNotContain("Answer");
    }

    [Fact]
    public async Task RunAsync_RunFails_ReturnsOneWithTheReasonOnStandardError()
    {
        _backend.Emulator!.Script.ForAnyAgentRun().Fail("upstream model unavailable");

        var exitCode = await _clock.DriveAsync(DeepResearchApp.RunAsync(_backend.Client, _output, _error, _clock, Options(StatusStyle.Lines), CancellationToken.None));

        exitCode.ShouldBe(ExitCodes.Failed);
        _error.ToString().ShouldContain("upstream model unavailable");
        _output.ToString().ShouldNotContain("Answer");
    }

    [Fact]
    public async Task RunAsync_CtrlCWhileRunning_CancelsTheRunOnTheServer()
    {
        _backend.Emulator!.Script.ForAnyAgentRun().NeverFinish();
        using var cancel = new CancellationTokenSource();
        var running = new TaskCompletionSource();
        using var output = new NotifyingWriter("in_progress", running);
        var run = DeepResearchApp.RunAsync(_backend.Client, output, _error, _clock, Options(StatusStyle.Lines), cancel.Token);

        await _clock.DriveAsync(Task.WhenAny(run, running.Task));
        await cancel.CancelAsync();
        var exitCode = await _clock.DriveAsync(run);

        exitCode.ShouldBe(ExitCodes.Cancelled);
        var id = _backend.Emulator.AgentRuns.ShouldHaveSingleItem().Id;
        _error.ToString().ShouldContain($"Cancelled: run {id} was asked to stop.");
        _backend.Emulator.Requests.ShouldContain(r => r.Path == $"/v1/responses/{id}/cancel");
    }

    [Fact]
    public async Task RunAsync_LegacyOnRetiredRoutes_SaysToDropLegacy()
    {
        var retired = new Perplexity.Async.Testing.PerplexityEmulator(new Perplexity.Async.Testing.PerplexityEmulatorOptions { TimeProvider = _clock, RetireLegacyRoutes = true });
        using var client = retired.CreateClient(new PerplexityAsyncClientOptions { ApiKey = "pplx-test", BaseAddress = retired.BaseAddress, TimeProvider = _clock, RequestTimeout = null });

        var exitCode = await _clock.DriveAsync(DeepResearchApp.RunAsync(client, _output, _error, _clock, Options(StatusStyle.Lines) with { Legacy = true }, CancellationToken.None));

        exitCode.ShouldBe(ExitCodes.Failed);
        _error.ToString().ShouldContain("client.Agent");
        _error.ToString().ShouldContain("without --legacy");
    }

    public void Dispose()
    {
        _backend.Dispose();
        _output.Dispose();
        _error.Dispose();
    }

    private ResearchOptions Options(StatusStyle style) => new(Question, _backend.Description, style);

    // The same question on a fresh emulator with no fault, its output with the run id and the timestamps taken out.
    private async Task<string> ReferenceOutputAsync()
    {
        var clock = new TestClock();
        using var backend = Backend.CreateEmulator(clock);
        using var output = new StringWriter();
        var done = await clock.DriveAsync(DeepResearchApp.AskAgentAsync(backend.Client, output, clock, Options(StatusStyle.Lines), CancellationToken.None));
        return WithoutVaryingParts(output.ToString(), done.Id);
    }

    private static string WithoutVaryingParts(string output, string runId) =>
        Regex.Replace(output.Replace(runId, "<run>", StringComparison.Ordinal), @"^\[\d+:\d\d\] ", "[t] ", RegexOptions.Multiline);

    /// <summary>Completes <paramref name="seen"/> inline once the output contains <paramref name="text"/>.</summary>
    private sealed class NotifyingWriter(string text, TaskCompletionSource seen) : StringWriter
    {
        public override void Write(string? value)
        {
            base.Write(value);
            if (ToString().Contains(text, StringComparison.Ordinal))
            {
                seen.TrySetResult();
            }
        }

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (ToString().Contains(text, StringComparison.Ordinal))
            {
                seen.TrySetResult();
            }
        }
    }
}
